package io.caravan.bench;

/** Issue 6 item 5 (input faults): the webhook and {@code caravan validate|generate} fed garbage. */
final class Fuzz {
  private final Bench bench;

  Fuzz(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    new WebhookFuzz(bench).run();
    new ManifestFuzz(bench).run();
  }
}
