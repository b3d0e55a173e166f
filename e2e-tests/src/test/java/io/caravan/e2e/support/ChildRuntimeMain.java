package io.caravan.e2e.support;

import io.caravan.routes.runtime.CaravanRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entry point of a runtime in a child JVM ({@link ChildRuntime}): {@code <routesDir> <busUrl>
 * <readyFile> [key=value …]} runs every {@code *.yaml} in the directory with the Camel properties
 * given, writes the ready file once started and runs until killed.
 */
public final class ChildRuntimeMain {
  private ChildRuntimeMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CaravanRuntime.Builder builder = CaravanRuntime.builder().metricsPort(0).busUrl(args[1]);
    List<Path> documents;
    try (Stream<Path> files = Files.list(dir)) {
      documents = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path document : documents) {
      builder.document(document.getFileName().toString(), Files.readString(document));
    }
    for (int i = 3; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      builder.camelProperty(args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    CaravanRuntime runtime = builder.build();
    runtime.start();
    Files.writeString(Path.of(args[2]), "started\n");
    Thread.currentThread().join(); // until killed
  }
}
