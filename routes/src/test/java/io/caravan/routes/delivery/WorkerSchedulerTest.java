package io.caravan.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.testing.TestContexts;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The runtime's one trigger scheduler: shared, workers on demand, none queued behind a busy one.
 */
class WorkerSchedulerTest {

  @Test
  void oneSchedulerPerRuntimeWhoseWorkersDoNotQueueBehindBusyOnes() throws Exception {
    try (DefaultCamelContext context = TestContexts.create()) {
      context.start();
      WorkerScheduler scheduler = WorkerScheduler.of(context);
      assertThat(WorkerScheduler.of(context)).isSameAs(scheduler);

      // 20 triggers whose sinks block: each gets its own worker at once (a queue would hold 19
      // back).
      CountDownLatch allStarted = new CountDownLatch(20);
      CountDownLatch release = new CountDownLatch(1);
      Set<String> threads = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 20; i++) {
        scheduler.schedule(
            () -> {
              threads.add(Thread.currentThread().getName());
              allStarted.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            i % 2 == 0 ? 0 : 5);
      }
      assertThat(allStarted.await(10, TimeUnit.SECONDS)).as("all 20 running together").isTrue();
      assertThat(threads).hasSize(20);
      release.countDown();
    }
  }
}
