package io.caravan.api.eventsource.webhook;

import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;

/** One {@code spec.webhook.<eventName>} entry: an HTTP endpoint plus an optional filter. */
public class WebhookEventSource extends WebhookContext {

  private EventSourceFilter filter;

  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
