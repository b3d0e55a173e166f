package io.caravan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.cli.CaravanCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Mutated manifests (from the project's {@code examples/}) through {@code caravan validate} and
 * {@code caravan generate}, in this JVM. A crash is an exception escaping a command or a stack
 * trace in its output; every error line must name the field ({@code FILE: Kind/name: field.path:
 * message}).
 */
final class ManifestFuzz {
  static final String SECTION = "fuzz";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Bench bench;
  private final Random random = new Random(7);
  private final YAMLMapper yaml = new YAMLMapper();
  private final List<String> failures = new ArrayList<>();

  ManifestFuzz(Bench bench) {
    this.bench = bench;
  }

  void run() throws IOException {
    List<JsonNode> seeds = new ArrayList<>();
    Path examples = Path.of(System.getProperty("bench.examples", "examples"));
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        seeds.add(yaml.readTree(file.toFile()));
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalStateException("no manifests under " + examples.toAbsolutePath());
    }
    Path dir = bench.dir("fuzz-manifests");
    Path failDir = bench.outDir.resolve("fuzz-failures");
    int total = bench.config.fuzzManifests();
    long crashes = 0;
    long unnamed = 0;
    long fileLevel = 0;
    long errorLines = 0;
    long rejected = 0;
    for (int i = 0; i < total; i++) {
      JsonNode manifest = seeds.get(i % seeds.size()).deepCopy();
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        manifest = mutate(manifest);
      }
      String text = yaml.writeValueAsString(manifest);
      Path file = Files.writeString(dir.resolve("m" + (i % 50) + ".yaml"), text);
      for (String command : List.of("validate", "generate")) {
        Outcome outcome = execute(command, file);
        boolean crashed =
            outcome.exception != null
                || outcome.text().contains("\tat ")
                || outcome
                    .text()
                    .matches(
                        "(?s).*\\b(NullPointer|ClassCast|IndexOutOfBounds|IllegalState|"
                            + "UnsupportedOperation|Arithmetic|StackOverflow)\\w*.*");
        if (crashed) {
          crashes++;
          keep(
              failDir,
              "crash",
              command,
              text,
              outcome.exception != null ? outcome.exception : outcome.text());
          continue;
        }
        if (outcome.code != 0) {
          rejected++;
        }
        if (command.equals("validate")) {
          for (String line : outcome.errLinesFor(file)) {
            errorLines++;
            if (line.startsWith(file + ": no Argo Events manifests")) {
              fileLevel++; // the mutation removed what makes it an Argo manifest (kind, apiVersion)
            } else if (!namesField(line, file.toString())) {
              unnamed++;
              keep(failDir, "unnamed-field", command, text, line);
            }
          }
        }
      }
    }
    Results r = bench.results;
    r.add(SECTION, "manifests", "mutated_manifests", total, "manifests (validate + generate each)");
    r.add(SECTION, "manifests", "rejected_runs", rejected, "runs with exit code 1");
    r.add(SECTION, "manifests", "crashes", crashes, "runs (target 0)");
    r.add(SECTION, "manifests", "error_lines", errorLines, "lines");
    r.add(SECTION, "manifests", "error_lines_without_field", unnamed, "lines (target 0)");
    r.add(
        SECTION,
        "manifests",
        "not_argo_manifest_lines",
        fileLevel,
        "lines ('no Argo Events manifests found')");
    for (int i = 0; i < Math.min(10, failures.size()); i++) {
      r.note("fuzz.manifests.failure." + i, failures.get(i));
    }
    Bench.log(
        "manifest fuzz: "
            + total
            + " manifests, crashes "
            + crashes
            + ", error lines "
            + errorLines
            + ", without a field "
            + unnamed
            + (failures.isEmpty() ? "" : "; inputs kept in " + failDir));
  }

  private record Outcome(int code, String out, String err, Throwable exception) {
    String text() {
      return out + err;
    }

    List<String> errLinesFor(Path file) {
      return out.lines().filter(l -> l.startsWith(file.toString())).toList();
    }
  }

  private Outcome execute(String command, Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Throwable[] escaped = {null};
    CommandLine cli =
        CaravanCli.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                  escaped[0] = e;
                  return 2;
                });
    int code;
    try {
      code = cli.execute(command, file.toString());
    } catch (RuntimeException | StackOverflowError e) {
      escaped[0] = e;
      code = 2;
    }
    return new Outcome(code, out.toString(), err.toString(), escaped[0]);
  }

  /** {@code FILE: Kind/name: path: message} with a path without spaces. */
  static boolean namesField(String line, String file) {
    String rest = line.substring(file.length());
    if (!rest.startsWith(": ")) {
      return false;
    }
    rest = rest.substring(2);
    int subjectEnd = rest.indexOf(": ");
    if (subjectEnd < 0) {
      return false;
    }
    String after = rest.substring(subjectEnd + 2);
    int pathEnd = after.indexOf(": ");
    if (pathEnd <= 0) {
      return false;
    }
    String path = after.substring(0, pathEnd);
    return !path.contains(" ") && !path.equals("warning");
  }

  private void keep(Path failDir, String kind, String command, String manifest, Object what) {
    if (failures.size() >= 30) {
      return;
    }
    String detail = what instanceof Throwable t ? stack(t) : String.valueOf(what);
    failures.add(kind + " in " + command + ": " + firstLine(detail));
    try {
      Files.createDirectories(failDir);
      Files.writeString(
          failDir.resolve(kind + "-" + failures.size() + ".yaml"),
          "# caravan " + command + ": " + detail.replace("\n", "\n# ") + "\n" + manifest);
    } catch (IOException e) {
      // best effort
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static String stack(Throwable t) {
    StringWriter s = new StringWriter();
    t.printStackTrace(new PrintWriter(s));
    String text = s.toString();
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  private JsonNode mutate(JsonNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(4)) {
        case 0 -> object.remove(name);
        case 1 -> object.set("x" + random.nextInt(100) + pick("", "-", ".", "_"), value(root));
        default -> object.set(name, value(root));
      }
    } else if (target instanceof ArrayNode array) {
      switch (random.nextInt(4)) {
        case 0 -> array.addNull();
        case 1 -> array.insert(0, value(root));
        case 2 -> {
          if (array.size() > 0) {
            array.set(random.nextInt(array.size()), value(root));
          }
        }
        default -> {
          if (array.size() > 0) {
            array.add(array.get(0).deepCopy());
          }
        }
      }
    } else if (target instanceof ObjectNode object) {
      object.set("x", value(root));
    }
    return root;
  }

  private JsonNode value(JsonNode root) {
    return switch (random.nextInt(12)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(random.nextInt(200_000) - 100_000);
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.textNode("");
      case 4 ->
          NODES.textNode(
              pick(
                  "{{",
                  "}}",
                  "%zz",
                  "a&b",
                  "::",
                  "-1",
                  "1e9",
                  "*",
                  ">",
                  "default.x.y",
                  "\u00e9\u4e2d",
                  "{{ .Input.body.x | upper }}",
                  "0x",
                  "   ",
                  "a b",
                  "x".repeat(300)));
      case 5 -> NODES.objectNode();
      case 6 -> NODES.arrayNode();
      case 7 -> NODES.arrayNode().addNull();
      case 8 -> NODES.objectNode().putNull("x");
      case 9 -> NODES.arrayNode().add(NODES.textNode("a")).addNull();
      case 10 -> NODES.numberNode(Long.MAX_VALUE);
      default -> {
        List<JsonNode> all = new ArrayList<>();
        collect(root, all);
        yield all.get(random.nextInt(all.size())).deepCopy();
      }
    };
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.elements().forEachRemaining(child -> collect(child, out));
    }
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
