package io.caravan.api.eventsource;


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
