package io.caravan.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printed table and the SVG plot of end-to-end latency against load. */
final class Report {
  private Report() {}

  static String table(Results results) {
    StringBuilder out = new StringBuilder("\n");
    String section = "";
    for (Results.Row row : results.rows()) {
      if (!row.section().equals(section)) {
        section = row.section();
        out.append(
            String.format(
                Locale.ROOT,
                "%n== %s ==%n%-22s %-34s %14s  %s%n",
                section,
                "case",
                "metric",
                "value",
                "unit"));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%-22s %-34s %14s  %s%n",
              row.name(),
              row.metric(),
              format(row.value()),
              row.unit()));
    }
    results.notes().forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }

  private static String format(double value) {
    if (!Double.isFinite(value)) {
      return "-";
    }
    if (Math.abs(value) >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /**
   * p50 and p99 end-to-end latency (log scale) against the delivered rate, one line per pipeline.
   */
  static void svg(Results results, Path file) {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    for (String pipeline : List.of("caravan", "hand-a", "hand-camel")) {
      for (String pct : List.of("p50", "p99")) {
        List<double[]> points = new ArrayList<>();
        for (Results.Row row : results.rows()) {
          if (row.section().equals(Throughput.SECTION)
              && row.name().equals(pipeline)
              && row.metric().endsWith(".delivered_per_s")) {
            String load = row.metric().substring(0, row.metric().indexOf('.'));
            double latency =
                results.get(Throughput.SECTION, pipeline, load + ".e2e_" + pct + "_ms");
            if (Double.isFinite(latency) && Double.isFinite(row.value())) {
              points.add(new double[] {row.value(), latency});
            }
          }
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        if (!points.isEmpty()) {
          series.put(pipeline + " " + pct, points);
        }
      }
    }
    double maxX = 1000;
    double minY = 0.1;
    double maxY = 10;
    for (List<double[]> points : series.values()) {
      for (double[] p : points) {
        maxX = Math.max(maxX, p[0]);
        minY = Math.min(minY, Math.max(0.01, p[1]));
        maxY = Math.max(maxY, p[1]);
      }
    }
    double logMin = Math.floor(Math.log10(minY));
    double logMax = Math.ceil(Math.log10(maxY));
    int w = 720;
    int h = 420;
    int left = 70;
    int right = 190;
    int top = 30;
    int bottom = 50;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
            w,
            h));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"18\">End-to-end latency vs delivered load "
                + "(webhook → JetStream → sensor → HTTP)</text>%n",
            left));
    int plotW = w - left - right;
    int plotH = h - top - bottom;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"black\"/>%n",
            left,
            top,
            plotW,
            plotH));
    for (double e = logMin; e <= logMax; e++) {
      double y = top + plotH - (e - logMin) / (logMax - logMin) * plotH;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
              left,
              y,
              left + plotW,
              y,
              left - 5,
              y + 4,
              Results.number(Math.pow(10, e))));
    }
    for (int i = 0; i <= 4; i++) {
      double x = left + i * plotW / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>%n",
              x,
              top + plotH + 18,
              maxX * i / 4));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">events/s delivered" + "</text>%n",
            left + plotW / 2,
            h - 8));
    String[] colors = {"#d62728", "#d62728", "#1f77b4", "#1f77b4", "#2ca02c", "#2ca02c"};
    int index = 0;
    for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
      String color = colors[index % colors.length];
      String dash = entry.getKey().endsWith("p99") ? " stroke-dasharray=\"5,3\"" : "";
      StringBuilder points = new StringBuilder();
      for (double[] p : entry.getValue()) {
        double x = left + p[0] / maxX * plotW;
        double y =
            top + plotH - (Math.log10(Math.max(0.01, p[1])) - logMin) / (logMax - logMin) * plotH;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                x,
                y,
                color));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"%s/>%n",
              points.toString().trim(),
              color,
              dash));
      int ly = top + 10 + index * 18;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"%s/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
              left + plotW + 10,
              ly,
              left + plotW + 35,
              ly,
              color,
              dash,
              left + plotW + 40,
              ly + 4,
              entry.getKey()));
      index++;
    }
    svg.append("</svg>\n");
    Results.write(file, svg.toString());
  }
}
