package io.caravan.generator.source.nats;

import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.nats.BasicAuth;
import io.caravan.api.eventsource.nats.NatsAuth;
import io.caravan.api.eventsource.nats.NatsEventSource;
import io.caravan.api.sensor.Backoff;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.support.TlsParameters;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.nats} events → {@code kamelet:nats-source}: a core NATS subscription (or queue
 * subscription), with Argo's checks and event data (inventory §1.4, §1.5.5, §2.3), or with the
 * Caravan extension {@code jetStream} a durable JetStream consumer ({@link NatsJetStreamRules}).
 * Secrets go to the route as references.
 */
public final class NatsSourceType implements SourceType<NatsEventSource> {

  @Override
  public String key() {
    return "nats";
  }

  @Override
  public Class<NatsEventSource> model() {
    return NatsEventSource.class;
  }

  @Override
  public void check(SourceEvent<NatsEventSource> event, List<Diagnostic> out) {
    NatsEventSource nats = event.config();
    if (nats == null) {
      out.add(Diagnostic.error(event.path(), "nats settings are missing"));
      return;
    }
    if (blank(nats.getUrl())) {
      out.add(Diagnostic.error(event.path("url"), "url must be specified"));
    }
    if (blank(nats.getSubject())) {
      out.add(Diagnostic.error(event.path("subject"), "subject must be specified"));
    }
    TlsSaslRules.tls(event.path("tls"), nats.getTls(), out);
    NatsJetStreamRules.check(event.path("jetStream"), nats.getJetStream(), out);
    if (nats.getQueue() != null && nats.getQueue().isEmpty()) {
      out.add(Diagnostic.error(event.path("queue"), "queue group cannot be empty if specified"));
    }
    NatsAuth auth = nats.getAuth();
    if (auth != null) {
      String path = event.path("auth");
      BasicAuth basic = auth.getBasic();
      if (basic != null) {
        if (basic.getUsername() == null || basic.getPassword() == null) {
          out.add(Diagnostic.error(path + ".basic", "basic auth needs both username and password"));
        }
        SecretRefs.check(path + ".basic.username", basic.getUsername(), out);
        SecretRefs.check(path + ".basic.password", basic.getPassword(), out);
      }
      SecretRefs.check(path + ".token", auth.getToken(), out);
      SecretRefs.check(path + ".nkey", auth.getNkey(), out);
      SecretRefs.check(path + ".credential", auth.getCredential(), out);
      int set =
          (basic != null ? 1 : 0)
              + count(auth.getToken())
              + count(auth.getNkey())
              + count(auth.getCredential());
      if (set > 1) {
        out.add(
            Diagnostic.warning(
                path,
                "more than one of basic, token, nkey and credential is set: only the "
                    + "first of them, in that order, is used (as in Argo)"));
      }
    }
  }

  @Override
  public Map<String, Object> from(SourceEvent<NatsEventSource> event, Diagnostics diagnostics) {
    NatsEventSource nats = event.config();
    if (nats == null) {
      diagnostics.error(event.path(), "nats settings are missing");
      return null;
    }
    if (blank(nats.getUrl()) || blank(nats.getSubject())) {
      diagnostics.error(
          event.path(blank(nats.getUrl()) ? "url" : "subject"),
          (blank(nats.getUrl()) ? "url" : "subject") + " must be specified");
      return null;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eventSourceName", event.eventSourceName());
    parameters.put("eventName", event.eventName());
    parameters.put("url", nats.getUrl());
    parameters.put("subject", nats.getSubject());
    putIfSet(parameters, "queue", nats.getQueue());
    parameters.put("jsonBody", Boolean.TRUE.equals(nats.getJsonBody()));
    if (nats.getMetadata() != null && !nats.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(nats.getMetadata()));
    }
    if (!putAuth(parameters, nats.getAuth(), event.path("auth"), diagnostics)
        || !TlsParameters.put(parameters, nats.getTls(), event.path("tls"), diagnostics)
        || !NatsJetStreamRules.report(event.path("jetStream"), nats.getJetStream(), diagnostics)) {
      return null;
    }
    NatsJetStreamRules.put(parameters, nats.getJetStream());
    Backoff backoff = nats.getConnectionBackoff();
    if (backoff != null) {
      putIfSet(parameters, "backoffSteps", backoff.getSteps());
      putIfSet(
          parameters,
          "backoffDuration",
          backoff.getDuration() == null ? null : backoff.getDuration().asText());
      putIfSet(parameters, "backoffFactor", backoff.getFactor());
      putIfSet(parameters, "backoffJitter", backoff.getJitter());
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:nats-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(NatsEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /**
   * The auth block as flat secret references, the first of basic, token, nkey, credential (Argo's
   * order).
   */
  private static boolean putAuth(
      Map<String, Object> parameters, NatsAuth auth, String path, Diagnostics diagnostics) {
    if (auth == null) {
      return true;
    }
    if (auth.getBasic() != null) {
      String user =
          SecretRefs.reference(
              auth.getBasic().getUsername(), path + ".basic.username", diagnostics);
      String password =
          SecretRefs.reference(
              auth.getBasic().getPassword(), path + ".basic.password", diagnostics);
      putIfSet(parameters, "usernameSecret", user);
      putIfSet(parameters, "passwordSecret", password);
      return user != null && password != null;
    }
    SecretKeySelector[] choices = {auth.getToken(), auth.getNkey(), auth.getCredential()};
    String[] names = {"token", "nkey", "credential"};
    for (int i = 0; i < choices.length; i++) {
      if (choices[i] != null) {
        String reference = SecretRefs.reference(choices[i], path + "." + names[i], diagnostics);
        putIfSet(parameters, names[i] + "Secret", reference);
        return reference != null;
      }
    }
    return true;
  }

  private static int count(SecretKeySelector selector) {
    return selector == null ? 0 : 1;
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
