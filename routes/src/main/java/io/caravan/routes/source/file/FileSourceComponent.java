package io.caravan.routes.source.file;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-file:<eventSource>/<event>} component: one watched directory per endpoint (the
 * JDK's WatchService, inotify on Linux, or polling every 100 ms), each matching entry turned into
 * Argo's file event data (inventory §1.5.10, §2.3). Written on the JDK rather than on camel-file:
 * camel-file consumes files (reads, moves or deletes them) and camel-file-watch has no CHMOD or
 * RENAME; Argo only reports operations and leaves the files alone.
 */
public class FileSourceComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-file URI must be argo-file:<eventSource>/<event>, got '" + uri + "'");
    }
    FileSourceEndpoint endpoint = new FileSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
