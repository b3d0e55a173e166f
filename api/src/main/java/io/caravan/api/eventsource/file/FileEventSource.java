package io.caravan.api.eventsource.file;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.WatchPathConfig;
import io.caravan.api.eventsource.EventSourceFilter;
import java.util.Map;

/** One {@code spec.file.<eventName>} entry: a watched local directory (inventory §1.5.10). */
public class FileEventSource extends ArgoObject {

  private String eventType;
  private WatchPathConfig watchPathConfig;
  private Boolean polling;
  private Map<String, String> metadata;
  private EventSourceFilter filter;

  /** The operation to report: CREATE, WRITE, REMOVE, RENAME or CHMOD (matched exactly). */
  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = eventType;
  }

  /** The directory and the path or path pattern to watch. */
  public WatchPathConfig getWatchPathConfig() {
    return watchPathConfig;
  }

  public void setWatchPathConfig(WatchPathConfig watchPathConfig) {
    this.watchPathConfig = watchPathConfig;
  }

  /** True: poll the directory (every 100 ms) instead of inotify. */
  public Boolean getPolling() {
    return polling;
  }

  public void setPolling(Boolean polling) {
    this.polling = polling;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
