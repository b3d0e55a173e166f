package io.caravan.routes.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.util.Objects;

/**
 * A {@link Lock} that remembers, on this JVM's monotonic clock, when this replica last wrote the
 * Lease as its holder: the time an attempt <em>began</em>, so that a slow API call never makes the
 * renewal look younger than the {@code renewTime} the other replicas read. {@link LeaderElection}'s
 * watchdog stops the routes when that is older than the renew deadline, even while a request of the
 * elector hangs, and starts a new round when the elector stopped trying at all.
 */
final class RenewalTrackingLock implements Lock {
  private final Lock delegate;
  private volatile long lastRenewalNanos;
  private volatile boolean renewed;
  private volatile long lastAttemptNanos = System.nanoTime();

  RenewalTrackingLock(Lock delegate) {
    this.delegate = delegate;
  }

  @Override
  public LeaderElectionRecord get(KubernetesClient client) {
    lastAttemptNanos = System.nanoTime();
    return delegate.get(client);
  }

  @Override
  public void create(KubernetesClient client, LeaderElectionRecord record) {
    long began = System.nanoTime();
    lastAttemptNanos = began;
    delegate.create(client, record);
    written(record, began);
  }

  @Override
  public void update(KubernetesClient client, LeaderElectionRecord record) {
    long began = System.nanoTime();
    lastAttemptNanos = began;
    delegate.update(client, record);
    written(record, began);
  }

  private void written(LeaderElectionRecord record, long began) {
    if (Objects.equals(record.getHolderIdentity(), identity())) {
      lastRenewalNanos = began;
      renewed = true;
    }
  }

  /**
   * Nanoseconds since this replica last wrote itself as the holder; {@link Long#MAX_VALUE} if it
   * never did.
   */
  long nanosSinceRenewal() {
    return renewed ? System.nanoTime() - lastRenewalNanos : Long.MAX_VALUE;
  }

  /**
   * Nanoseconds since the elector last read or wrote the Lease: a stalled elector stops doing
   * either.
   */
  long nanosSinceAttempt() {
    return System.nanoTime() - lastAttemptNanos;
  }

  @Override
  public String identity() {
    return delegate.identity();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }
}
