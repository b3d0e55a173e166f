package io.caravan.routes.source;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-event:<eventSource>/<event>?type=<type>} component: wraps the message body (the
 * event data) into an {@link ArgoEvent} with a fresh id and the current time.
 */
public class ArgoEventComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException(
          "argo-event URI must be argo-event:<eventSource>/<event>, got '" + remaining + "'");
    }
    ArgoEventEndpoint endpoint =
        new ArgoEventEndpoint(uri, this, path.substring(0, slash), path.substring(slash + 1));
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
