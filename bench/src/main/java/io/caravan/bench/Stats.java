package io.caravan.bench;

/** Percentiles of sorted microsecond samples, reported in milliseconds. */
record Stats(long count, double p50, double p90, double p99, double max) {
  static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  static Stats of(int[] sortedMicros) {
    if (sortedMicros.length == 0) {
      return EMPTY;
    }
    return new Stats(
        sortedMicros.length,
        pct(sortedMicros, 50),
        pct(sortedMicros, 90),
        pct(sortedMicros, 99),
        sortedMicros[sortedMicros.length - 1] / 1000.0);
  }

  private static double pct(int[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
