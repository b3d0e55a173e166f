package io.caravan.routes.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Competes for one Lease with fabric8's {@link LeaderElector} once Camel has fully started, and
 * runs the {@link ManagedRoutes} exactly while this replica holds it.
 *
 * <ul>
 *   <li>Acquired: the routes start (a calendar with persistence and catch-up first sends what it
 *       missed).
 *   <li>Lost (another holder, or no renewal within the renew deadline): the routes stop, the Lease
 *       is released if still ours, and a new round competes again after the retry period. Argo
 *       exits the process instead; stopping is enough because the routes are stopped
 *       <em>before</em> the Lease can pass on.
 *   <li>A watchdog stops the routes as soon as the last successful renewal is older than the renew
 *       deadline ({@link RenewalTrackingLock}), even when a request of the elector hangs, so they
 *       are stopped at least {@code leaseDuration - renewDeadline} before another replica may take
 *       the Lease.
 *   <li>Camel stopping: Camel stops the routes first, then this service releases the Lease, so
 *       another replica takes over within about one retry period instead of a lease duration.
 * </ul>
 *
 * <p>Route start and stop run on one thread, in the order leadership changed.
 */
final class LeaderElection extends ServiceSupport implements StartupListener {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final CamelContext camel;
  private final KubernetesClient client;
  private final LeaderLease lease;
  private final String namespace;
  private final ManagedRoutes routes;
  private final RenewalTrackingLock lock;
  private final AtomicBoolean begun = new AtomicBoolean();
  private volatile boolean running;
  private volatile ScheduledExecutorService actions;
  private volatile LeaderElector elector;
  private volatile CompletableFuture<?> round;

  /**
   * Whether the routes were started for the current leadership; touched on the actions thread only.
   */
  private boolean leading;

  private volatile String leader;

  LeaderElection(
      CamelContext camel,
      KubernetesClient client,
      String namespace,
      LeaderLease lease,
      ManagedRoutes routes) {
    this.camel = camel;
    this.client = client;
    this.namespace = namespace;
    this.lease = lease;
    this.routes = routes;
    this.lock = new RenewalTrackingLock(new LeaseLock(namespace, lease.name(), lease.identity()));
  }

  @Override
  protected void doStart() {
    running = true;
  }

  @Override
  public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
    if (alreadyStarted) {
      begin();
    }
  }

  @Override
  public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
    begin();
  }

  private void begin() {
    if (!running || !begun.compareAndSet(false, true)) {
      return;
    }
    actions =
        camel
            .getExecutorServiceManager()
            .newSingleThreadScheduledExecutor(this, "caravan-leader-" + lease.name());
    LOG.info(
        "Leader election on Lease {}/{} as {}: {} route(s) wait for leadership (lease {}, renew deadline {}, "
            + "retry {})",
        namespace,
        lease.name(),
        lease.identity(),
        routes.size(),
        lease.leaseDuration(),
        lease.renewDeadline(),
        lease.retryPeriod());
    run(this::compete);
    long check = Math.min(1_000, lease.retryPeriod().toMillis());
    actions.scheduleWithFixedDelay(
        () -> {
          try {
            watchdog();
          } catch (RuntimeException e) {
            LOG.warn(
                "Leader election watchdog of Lease {}/{}: {}",
                namespace,
                lease.name(),
                e.toString());
          }
        },
        check,
        check,
        TimeUnit.MILLISECONDS);
  }

  /** One round: a fresh elector (fabric8's are single-use) that ends when leadership is lost. */
  private void compete() {
    if (!running) {
      return;
    }
    try {
      startRound();
    } catch (RuntimeException e) {
      LOG.warn(
          "Leader election on Lease {}/{} cannot start: {}", namespace, lease.name(), e.toString());
      retryLater();
    }
  }

  private void startRound() {
    LeaderElectionConfig config =
        new LeaderElectionConfigBuilder()
            .withName(lease.name())
            .withLock(lock)
            .withLeaseDuration(lease.leaseDuration())
            .withRenewDeadline(lease.renewDeadline())
            .withRetryPeriod(lease.retryPeriod())
            .withReleaseOnCancel(false) // released here, once the routes are stopped
            .withLeaderCallbacks(
                new LeaderCallbacks(
                    () -> run(this::startRoutes), () -> run(this::stopRoutes), this::newLeader))
            .build();
    LeaderElector current = client.leaderElector().withConfig(config).build();
    elector = current;
    CompletableFuture<?> started = current.start();
    round = started;
    started.whenComplete((ignored, error) -> run(() -> roundEnded(current, error)));
  }

  private void roundEnded(LeaderElector ended, Throwable error) {
    if (error != null && running && !(error instanceof CancellationException)) {
      LOG.warn(
          "Leader election on Lease {}/{} failed: {}", namespace, lease.name(), error.toString());
    }
    stopRoutes();
    release(ended);
    retryLater();
  }

  private void retryLater() {
    ScheduledExecutorService executor = actions;
    if (running && executor != null) {
      try {
        executor.schedule(this::compete, lease.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // stopping
      }
    }
  }

  private void startRoutes() {
    if (leading
        || !running
        || !camel.isStarted()
        || lock.nanosSinceRenewal() > lease.renewDeadline().toNanos()) {
      return; // a late callback: the Lease is not fresh any more
    }
    leading = true;
    LOG.info("Leader of Lease {}/{}: starting {}", namespace, lease.name(), routes.ids());
    try {
      routes.start(camel);
    } catch (Exception e) {
      LOG.error(
          "Leader of Lease {}/{}: cannot start the routes: {}",
          namespace,
          lease.name(),
          e.toString(),
          e);
    }
  }

  private void stopRoutes() {
    if (!leading) {
      return;
    }
    leading = false;
    if (camel.isStopping() || camel.isStopped()) {
      return; // Camel stops them
    }
    LOG.info("No longer leader of Lease {}/{}: stopping {}", namespace, lease.name(), routes.ids());
    try {
      routes.stop(camel);
    } catch (Exception e) {
      LOG.error(
          "Lost Lease {}/{}: cannot stop the routes: {}", namespace, lease.name(), e.toString(), e);
    }
  }

  /**
   * Stops the routes once the last renewal is older than the renew deadline, then ends the round;
   * also ends a round whose elector has not touched the Lease for a lease duration and a renew
   * deadline (a stalled loop).
   */
  private void watchdog() {
    CompletableFuture<?> current = round;
    long overdue = lock.nanosSinceRenewal();
    if (leading && running && overdue > lease.renewDeadline().toNanos()) {
      LOG.warn(
          "Lease {}/{} not renewed for {} ms (renew deadline {}): stopping the routes",
          namespace,
          lease.name(),
          TimeUnit.NANOSECONDS.toMillis(overdue),
          lease.renewDeadline());
      stopRoutes();
      if (current != null) {
        current.cancel(true);
      }
    } else if (!leading
        && running
        && current != null
        && !current.isDone()
        && lock.nanosSinceAttempt() > lease.leaseDuration().plus(lease.renewDeadline()).toNanos()) {
      LOG.warn(
          "Leader election on Lease {}/{} stalled: starting a new round", namespace, lease.name());
      current.cancel(true);
    }
  }

  private void newLeader(String identity) {
    if (!Objects.equals(identity, leader)) {
      leader = identity;
      LOG.info(
          "Lease {}/{}: leader is {}",
          namespace,
          lease.name(),
          identity == null ? "nobody" : identity);
    }
  }

  /** Gives the Lease up if this replica holds it; only ever called with the routes stopped. */
  private void release(LeaderElector ended) {
    if (ended == null || !routes.allStopped(camel)) {
      return;
    }
    try {
      if (ended.release()) {
        LOG.info("Released Lease {}/{}", namespace, lease.name());
      }
    } catch (RuntimeException e) { // the API is unreachable: the Lease expires by itself
      LOG.debug("Cannot release Lease {}/{}: {}", namespace, lease.name(), e.toString());
    }
  }

  private void run(Runnable action) {
    ScheduledExecutorService executor = actions;
    if (executor == null) {
      return;
    }
    try {
      executor.execute(action);
    } catch (RejectedExecutionException e) {
      // stopping
    }
  }

  /**
   * Camel stopped the routes before its services: end the round, release the Lease, stop the
   * thread.
   */
  @Override
  protected void doStop() {
    running = false;
    CompletableFuture<?> current = round;
    if (current != null) {
      current.cancel(true);
    }
    ScheduledExecutorService executor = actions;
    if (executor != null) {
      camel.getExecutorServiceManager().shutdownNow(executor);
    }
    release(elector);
  }
}
