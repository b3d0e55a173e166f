package io.caravan.routes.source.storagegrid;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a storageGrid event: the endpoint and the bucket registered. */
public final class StorageGridSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "storagegrid-source";
  }

  @Override
  public String heading() {
    return "StorageGRID notifications";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    String endpoint = String.valueOf(parameters.getOrDefault("endpoint", "/"));
    String scheme = parameters.get("serverCertSecret") != null ? "https" : "http";
    return scheme
        + "://localhost:"
        + parameters.get("port")
        + (endpoint.startsWith("/") ? endpoint : "/" + endpoint)
        + " (bucket "
        + parameters.get("bucket")
        + " → "
        + parameters.get("topicArn")
        + ")";
  }
}
