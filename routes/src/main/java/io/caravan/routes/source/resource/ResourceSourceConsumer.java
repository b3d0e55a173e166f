package io.caravan.routes.source.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.source.resource.ResourceProgress.Seen;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists, then watches, the endpoint's resource on its own thread and sends each change through the
 * route (which ends in the bus's publish) one at a time, in order. After the bus stored an event —
 * or the filters dropped it — the object's resourceVersion is recorded in the {@link
 * ResourceProgress} and saved, so:
 *
 * <ul>
 *   <li>on the first start every existing object is an ADD (Argo's informer), unless filtered;
 *   <li>on every later start, and whenever the watch ends with 410 Gone, the list is diffed against
 *       the saved snapshot: ADD for a new object, UPDATE for a changed one, DELETE for one that is
 *       gone; objects already announced are not announced again;
 *   <li>an event the bus did not take is retried (growing pause up to 10 s) and blocks the ones
 *       after it, never skipped;
 *   <li>a MODIFIED whose resourceVersion equals the known one is dropped (Argo).
 * </ul>
 *
 * A 403 on list or watch is reported by {@link ResourceAccess} and retried with a backoff.
 */
final class ResourceSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceSourceConsumer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration MAX_RETRY = Duration.ofSeconds(10);
  private static final int FORBIDDEN = 403;

  private record Change(Watcher.Action action, JsonNode object) {}

  private record Closed(WatcherException cause) {}

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Map<String, JsonNode> cache = new HashMap<>();
  private ObjectNode metadata;
  private Set<String> eventTypes;
  private ArgoMetrics metrics;
  private KubernetesClient client;
  private ResourceProgressStore store;
  private ResourceAccess access;
  private ResourceProgress progress;
  private ResourceFilters filters;
  private volatile boolean running;
  private volatile boolean watching;
  private boolean dirty;
  private Thread worker;

  ResourceSourceConsumer(ResourceSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public ResourceSourceEndpoint getEndpoint() {
    return (ResourceSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    ResourceSourceEndpoint endpoint = getEndpoint();
    metadata = EventMetadata.parse(endpoint.getMetadata(), "argo-resource " + endpoint.getName());
    eventTypes = endpoint.eventTypeSet();
    ArgoMetrics bound =
        endpoint
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    metrics = bound == null ? ArgoMetrics.noop() : bound;
    client = endpoint.getComponent().client();
    access = new ResourceAccess(endpoint, client, metrics);
    running = true;
    worker = new Thread(this::run, "caravan-resource-" + endpoint.getName());
    worker.setDaemon(true);
    worker.start();
    endpoint.getComponent().started(this);
  }

  @Override
  protected void doStop() throws Exception {
    running = false;
    getEndpoint().getComponent().stopped(this);
    Thread thread = worker;
    worker = null;
    if (thread != null) {
      thread.interrupt();
      thread.join(10_000);
    }
    watching = false;
    super.doStop();
  }

  /** Whether the initial list (or diff) is done and the watch is open. */
  boolean isWatching() {
    return watching;
  }

  private void run() {
    ResourceSourceEndpoint endpoint = getEndpoint();
    try {
      progress = loadProgress();
      if (progress == null) {
        return;
      }
      filters =
          new ResourceFilters(
              endpoint.getPrefix(),
              endpoint.getCreatedBy(),
              endpoint.isAfterStart() ? progress.startedAt() : null,
              endpoint.getFields());
      Duration pause = FIRST_RETRY;
      while (running) {
        try {
          listAndWatch(endpoint);
          pause = FIRST_RETRY;
        } catch (KubernetesClientException e) {
          watching = false;
          if (e.getCode() == FORBIDDEN) {
            access.forbidden(e);
          } else {
            LOG.warn(
                "argo-resource {}: list/watch of {} failed ({}); retrying in {} ms",
                endpoint.getName(),
                endpoint.gvr(),
                e.getMessage(),
                pause.toMillis());
          }
          pause(pause);
          pause = longer(pause);
        } catch (RuntimeException e) {
          watching = false;
          LOG.warn(
              "argo-resource {}: watch of {} failed ({}); listing again in {} ms",
              endpoint.getName(),
              endpoint.gvr(),
              e.toString(),
              pause.toMillis());
          pause(pause);
          pause = longer(pause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watching = false;
    }
  }

  /** The saved progress (retried while the store fails), a fresh one on the first start. */
  private ResourceProgress loadProgress() throws InterruptedException {
    ResourceSourceEndpoint endpoint = getEndpoint();
    Duration pause = FIRST_RETRY;
    while (running) {
      try {
        store = endpoint.getComponent().progressStore();
        String saved = store.load(endpoint.getEventSourceName(), endpoint.getEventName());
        if (saved == null) {
          LOG.info(
              "argo-resource {}: first start (no progress saved): listing every existing {}",
              endpoint.getName(),
              endpoint.gvr());
          return new ResourceProgress(Instant.now());
        }
        ResourceProgress loaded = ResourceProgress.fromJson(saved);
        LOG.info(
            "argo-resource {}: resuming from {} ({} object(s) known)",
            endpoint.getName(),
            store.describe(endpoint.getEventSourceName()),
            loaded.objects().size());
        return loaded;
      } catch (RuntimeException e) {
        LOG.error(
            "argo-resource {}: cannot read the progress from {}: {}; retrying",
            endpoint.getName(),
            store == null ? "its store" : store.describe(endpoint.getEventSourceName()),
            e.getMessage());
        pause(pause);
        pause = longer(pause);
      }
    }
    return null;
  }

  /** One list, diffed against the snapshot, then the watch until it ends with 410 Gone. */
  private void listAndWatch(ResourceSourceEndpoint endpoint) throws InterruptedException {
    GenericKubernetesResourceList list =
        ResourceObjects.resources(client, endpoint).list(ResourceObjects.options(endpoint, null));
    access.allowed();
    Map<String, JsonNode> current = new LinkedHashMap<>();
    for (GenericKubernetesResource item : list.getItems()) {
      JsonNode node = JSON.valueToTree(item);
      current.put(ResourceObjects.key(node), node);
    }
    if (list.getKind() != null && list.getKind().endsWith("List")) {
      progress.kind(list.getKind().substring(0, list.getKind().length() - 4));
    }
    for (Map.Entry<String, JsonNode> entry : current.entrySet()) {
      JsonNode node = entry.getValue();
      Seen seen = progress.objects().get(entry.getKey());
      if (seen == null) {
        announce("ADD", node, null);
      } else if (!seen.uid().equals(ResourceObjects.uid(node))) {
        announce("DELETE", known(entry.getKey(), seen), null);
        announce("ADD", node, null);
      } else if (!seen.resourceVersion().equals(ResourceObjects.resourceVersion(node))) {
        announce("UPDATE", node, cache.get(entry.getKey()));
      } else {
        cache.put(entry.getKey(), node);
      }
    }
    for (Map.Entry<String, Seen> gone : new ArrayList<>(progress.objects().entrySet())) {
      if (!current.containsKey(gone.getKey())) {
        announce("DELETE", known(gone.getKey(), gone.getValue()), null);
      }
    }
    String listVersion =
        list.getMetadata() == null ? null : list.getMetadata().getResourceVersion();
    progress.resourceVersion(listVersion);
    save();
    watch(listVersion);
  }

  private void watch(String fromVersion) throws InterruptedException {
    ResourceSourceEndpoint endpoint = getEndpoint();
    queue.clear();
    Watcher<GenericKubernetesResource> watcher =
        new Watcher<>() {
          @Override
          public void eventReceived(Action action, GenericKubernetesResource resource) {
            queue.add(new Change(action, JSON.valueToTree(resource)));
          }

          @Override
          public void onClose(WatcherException cause) {
            queue.add(new Closed(cause));
          }

          @Override
          public void onClose() {
            queue.add(new Closed(null));
          }
        };
    try (Watch ignored =
        ResourceObjects.resources(client, endpoint)
            .watch(ResourceObjects.options(endpoint, fromVersion), watcher)) {
      watching = true;
      LOG.info("argo-resource {}: watching {}", endpoint.getName(), endpoint.gvr());
      while (running) {
        Object item = queue.poll(1, TimeUnit.SECONDS);
        if (item == null && dirty) {
          save();
        }
        if (item instanceof Closed closed) {
          watching = false;
          if (closed.cause() != null && !closed.cause().isHttpGone()) {
            throw closed.cause().asClientException();
          }
          LOG.info(
              "argo-resource {}: the watch ended ({}); listing again",
              endpoint.getName(),
              closed.cause() == null ? "closed" : "410 Gone");
          return;
        }
        if (item instanceof Change change) {
          changed(change);
        }
      }
    } finally {
      watching = false;
    }
  }

  private void changed(Change change) throws InterruptedException {
    JsonNode node = change.object();
    String key = ResourceObjects.key(node);
    Seen seen = progress.objects().get(key);
    switch (change.action()) {
      case ADDED -> {
        if (seen != null
            && seen.uid().equals(ResourceObjects.uid(node))
            && seen.resourceVersion().equals(ResourceObjects.resourceVersion(node))) {
          cache.put(key, node); // announced before
        } else if (seen != null && seen.uid().equals(ResourceObjects.uid(node))) {
          announce("UPDATE", node, cache.get(key));
        } else {
          announce("ADD", node, null);
        }
      }
      case MODIFIED -> {
        JsonNode old = cache.get(key);
        if (old != null
            && ResourceObjects.resourceVersion(old).equals(ResourceObjects.resourceVersion(node))) {
          LOG.debug(
              "argo-resource {}: update of {} with identical resource version {} dropped",
              getEndpoint().getName(),
              key,
              ResourceObjects.resourceVersion(node));
          return;
        }
        announce("UPDATE", node, old);
      }
      case DELETED -> announce("DELETE", node, null);
      case BOOKMARK -> {
        progress.resourceVersion(ResourceObjects.resourceVersion(node));
        dirty = true; // how far the watch got: saved when idle
      }
      default -> {
        return; // ERROR: the client ends the watch (onClose)
      }
    }
  }

  /**
   * Sends one event unless its type is not asked for or a filter drops it, then records the
   * object's new state and saves the progress. Blocks, retrying, while the route fails.
   */
  private void announce(String type, JsonNode object, JsonNode old) throws InterruptedException {
    String key = ResourceObjects.key(object);
    boolean send = eventTypes.contains(type) && filters.pass(type, object);
    if (send) {
      deliver(type, object, old);
    }
    if (type.equals("DELETE")) {
      progress.objects().remove(key);
      cache.remove(key);
    } else {
      progress
          .objects()
          .put(key, new Seen(ResourceObjects.uid(object), ResourceObjects.resourceVersion(object)));
      cache.put(key, object);
    }
    progress.kind(object.path("kind").asText(null));
    if (!ResourceObjects.resourceVersion(object).isEmpty() && watching) {
      progress.resourceVersion(ResourceObjects.resourceVersion(object));
    }
    if (send) {
      save(); // this event is on the bus: its progress at once
    } else {
      dirty = true; // nothing sent: saved with the next event, when idle or after the list
    }
  }

  private void deliver(String type, JsonNode object, JsonNode old) throws InterruptedException {
    ResourceSourceEndpoint endpoint = getEndpoint();
    ObjectNode data = ResourceEventData.of(endpoint, type, object, old, metadata);
    String id = ResourceObjects.eventId(endpoint, type, object);
    Duration pause = FIRST_RETRY;
    for (int attempt = 1; ; attempt++) {
      if (!running) {
        throw new InterruptedException("stopped");
      }
      Instant start = Instant.now();
      Exchange exchange = createExchange(false);
      try {
        exchange.getIn().setBody(data.deepCopy());
        exchange.getIn().setHeader(ExchangeKeys.EVENT_ID, id);
        getProcessor().process(exchange);
      } catch (Exception e) {
        exchange.setException(e);
      }
      Exception failure = exchange.getException();
      releaseExchange(exchange, false);
      if (failure == null) {
        metrics.eventProcessingDuration(
            endpoint.getEventSourceName(),
            endpoint.getEventName(),
            Duration.between(start, Instant.now()));
        return;
      }
      if (attempt == 1 || attempt % 10 == 0) {
        LOG.warn(
            "argo-resource {}: {} of {} not sent ({} attempt(s)), retrying: {}",
            endpoint.getName(),
            type,
            ResourceObjects.key(object),
            attempt,
            failure.toString());
      }
      pause(pause);
      pause = longer(pause);
    }
  }

  /** The last body seen of an object, else what the snapshot knows of it. */
  private JsonNode known(String key, Seen seen) {
    JsonNode cached = cache.get(key);
    return cached != null
        ? cached
        : ResourceEventData.known(getEndpoint(), progress.kind(), key, seen);
  }

  private void save() {
    dirty = false;
    ResourceSourceEndpoint endpoint = getEndpoint();
    Duration pause = FIRST_RETRY;
    while (true) {
      try {
        store.save(endpoint.getEventSourceName(), endpoint.getEventName(), progress.toJson());
        return;
      } catch (RuntimeException e) {
        LOG.error(
            "argo-resource {}: progress not saved in {}: {}; retrying",
            endpoint.getName(),
            store.describe(endpoint.getEventSourceName()),
            e.getMessage());
        if (!running) {
          return;
        }
        try {
          pause(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        pause = longer(pause);
      }
    }
  }

  private void pause(Duration wait) throws InterruptedException {
    if (!running) {
      throw new InterruptedException("stopped");
    }
    Thread.sleep(wait.toMillis()); // a retry wait: nothing to wait for but time
  }

  private static Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
  }
}
