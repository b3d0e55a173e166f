package io.caravan.routes.source.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.metrics.ArgoMetrics;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the endpoint's directory and sends each matching operation, as Argo's file event data
 * {@code {name, op, metadata}}, through the route, one at a time and in order. Without {@code
 * polling} the JDK's WatchService (inotify on Linux) reports CREATE, WRITE and REMOVE; with it a
 * listing every 100 ms also tells RENAME and CHMOD. A directory that does not exist (yet, or any
 * more) is waited for in the background. Nothing is acknowledged upstream: an event the route fails
 * on is counted and logged, as in Argo.
 */
final class FileSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(FileSourceConsumer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private volatile boolean running;
  private volatile boolean watching;
  private volatile WatchService watchService;
  private ObjectNode metadata;
  private Pattern pattern;
  private ArgoMetrics metrics;
  private Thread watcher;

  FileSourceConsumer(FileSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public FileSourceEndpoint getEndpoint() {
    return (FileSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    FileSourceEndpoint endpoint = getEndpoint();
    String where = "argo-file " + endpoint.getName();
    metadata = EventMetadata.parse(endpoint.getMetadata(), where);
    pattern =
        endpoint.getFilePathRegexp() == null ? null : Pattern.compile(endpoint.getFilePathRegexp());
    ArgoMetrics bound =
        endpoint
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    metrics = bound == null ? ArgoMetrics.noop() : bound;
    running = true;
    watcher = new Thread(() -> run(where), "caravan-file-" + endpoint.getName());
    watcher.setDaemon(true);
    watcher.start();
  }

  private void run(String where) {
    FileSourceEndpoint endpoint = getEndpoint();
    Path directory = Path.of(endpoint.getDirectory());
    int failures = 0;
    while (running) {
      try {
        if (endpoint.isPolling()) {
          poll(directory, where);
        } else {
          watch(directory, where);
        }
      } catch (ClosedWatchServiceException | InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (Exception e) {
        if (!running) {
          return;
        }
        failures++;
        if (failures == 1 || failures % 60 == 0) {
          LOG.warn(
              "{}: not watching {} ({} attempt(s)): {}; retrying every {} s",
              where,
              directory,
              failures,
              e.toString(),
              RETRY.toSeconds());
        }
        pause(RETRY);
      } finally {
        watching = false;
      }
    }
  }

  private void poll(Path directory, String where) throws Exception {
    DirectoryPoller poller = new DirectoryPoller(directory);
    watching = true;
    LOG.info("{}: polling {} every {} ms", where, directory, POLL_INTERVAL.toMillis());
    while (running) {
      poller.poll(this::onOperation);
      pause(POLL_INTERVAL); // the polling interval (Argo's 100 ms)
    }
  }

  private void watch(Path directory, String where) throws Exception {
    try (WatchService service = FileSystems.getDefault().newWatchService()) {
      watchService = service;
      directory.register(
          service,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      watching = true;
      LOG.info("{}: watching {}", where, directory);
      while (running) {
        WatchKey key = service.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          FileOp op = op(event.kind());
          if (op == null) {
            LOG.warn("{}: the watcher lost events (overflow)", where);
            continue;
          }
          onOperation(directory.resolve((Path) event.context()).toString(), op);
        }
        if (!key.reset()) {
          throw new IllegalStateException("the directory is no longer watchable (removed?)");
        }
      }
    } finally {
      watchService = null;
    }
  }

  private static FileOp op(WatchEvent.Kind<?> kind) {
    if (kind == StandardWatchEventKinds.ENTRY_CREATE) {
      return FileOp.CREATE;
    } else if (kind == StandardWatchEventKinds.ENTRY_MODIFY) {
      return FileOp.WRITE;
    } else if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
      return FileOp.REMOVE;
    }
    return null;
  }

  private void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** An operation on an entry: an event when it is the eventType and the entry matches. */
  private void onOperation(String name, FileOp op) {
    FileSourceEndpoint endpoint = getEndpoint();
    if (!op.name().equals(endpoint.getEventType()) || !endpoint.matches(name, pattern)) {
      return;
    }
    ObjectNode data = JSON.createObjectNode();
    data.put("name", name);
    data.put("op", op.number());
    if (metadata.isEmpty()) {
      data.putNull("metadata"); // Go writes the absent map as null (no omitempty in fsevent.Event)
    } else {
      data.set("metadata", metadata.deepCopy());
    }
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(data);
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    if (exchange.getException() != null) {
      metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
      getExceptionHandler()
          .handleException(
              "argo-file " + endpoint.getName() + ": event failed",
              exchange,
              exchange.getException());
    }
    releaseExchange(exchange, false);
  }

  @Override
  protected void doStop() throws Exception {
    running = false;
    WatchService service = watchService;
    if (service != null) {
      service.close();
    }
    Thread thread = watcher;
    watcher = null;
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
    super.doStop();
  }

  /** Whether the directory is being watched. */
  boolean isWatching() {
    return watching;
  }
}
