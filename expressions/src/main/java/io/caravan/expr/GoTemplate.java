package io.caravan.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.expr.TemplateNodes.Action;
import io.caravan.expr.TemplateNodes.Block;
import io.caravan.expr.TemplateNodes.Chain;
import io.caravan.expr.TemplateNodes.Command;
import io.caravan.expr.TemplateNodes.Dot;
import io.caravan.expr.TemplateNodes.Function;
import io.caravan.expr.TemplateNodes.Literal;
import io.caravan.expr.TemplateNodes.Node;
import io.caravan.expr.TemplateNodes.Operand;
import io.caravan.expr.TemplateNodes.Pipeline;
import io.caravan.expr.TemplateNodes.SubPipeline;
import io.caravan.expr.TemplateNodes.Text;
import io.caravan.expr.TemplateNodes.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Go {@code text/template} (with the Sprig functions Argo manifests use) parsed once and executed
 * many times, thread-safe. Argo binds the value under {@code .Input}: {@link #executeInput}.
 *
 * <p>Supported: text and actions, {@code {{-}} / {@code -}}} trimming, comments, fields ({@code
 * .Input.a.b}, {@code $x.a}, {@code (pipeline).a}), {@code $} and variables ({@code :=}, {@code
 * =}), pipelines {@code |}, parentheses, string (interpreted and raw), character, integer and float
 * literals, {@code true}/{@code false}/{@code nil}, {@code if}/{@code else if}/{@code else}, {@code
 * range} (lists, maps in key order, integers; one or two variables) and {@code with}. Not
 * supported: {@code define}, {@code template}, {@code block}, {@code break}, {@code continue}.
 *
 * <p>Functions: Go built-ins {@code and or not len index printf print println eq ne lt le gt ge};
 * Sprig {@code upper lower title untitle trim trimAll trimPrefix trimSuffix nospace replace repeat
 * substr trunc contains hasPrefix hasSuffix cat quote squote indent nindent default empty coalesce
 * ternary toJson toRawJson toPrettyJson fromJson toString toStrings b64enc b64dec sha256sum split
 * splitList join list dict int int64 float64 atoi add sub mul div mod max min regexMatch regexFind
 * regexFindAll regexReplaceAll}. The list is {@link TemplateFunctions#NAMES}.
 *
 * <p>Values are Go's as Argo sees them: JSON numbers are float64 ({@code Double}, printed by {@code
 * %v}, so {@code 1000000} renders {@code 1e+06}), integer literals are int ({@code Long}), JSON
 * objects are maps, arrays lists. A missing map key or JSON {@code null} renders {@code <no
 * value>}; a field of a missing value is an error ({@code nil pointer evaluating interface {}.x}),
 * as in Go. Deliberate difference: {@code eq}/{@code lt}/… compare an int with a float by value
 * where Go reports "incompatible types for comparison".
 */
public final class GoTemplate {
  private final String source;
  private final List<Node> nodes;

  private GoTemplate(String source, List<Node> nodes) {
    this.source = source;
    this.nodes = nodes;
  }

  /** Parses a template. @throws TemplateException on a syntax error or an unknown function */
  public static GoTemplate parse(String source) {
    return new GoTemplate(source, TemplateParser.parse(source, TemplateFunctions.NAMES));
  }

  public String source() {
    return source;
  }

  /** Executes with {@code .Input} bound to {@code input} converted from JSON ({@link #value}). */
  public String executeInput(JsonNode input) {
    return executeInputValue(value(input));
  }

  /** Executes with {@code .Input} bound to an already converted value (a String, Map, …). */
  public String executeInputValue(Object input) {
    Map<String, Object> root = new HashMap<>();
    root.put("Input", input);
    return execute(root);
  }

  /** Executes with dot (and {@code $}) bound to {@code data}, a template value (see above). */
  public String execute(Object data) {
    State state = new State(data);
    walk(nodes, data, state);
    return state.out.toString();
  }

  /** JSON to template values: objects → Map, arrays → List, numbers → Double, null → null. */
  public static Object value(JsonNode node) {
    return TemplateFunctions.fromJsonNode(node);
  }

  private static final class State {
    final StringBuilder out = new StringBuilder();
    final List<String> names = new ArrayList<>();
    final List<Object> values = new ArrayList<>();

    State(Object root) {
      names.add("$");
      values.add(root);
    }

    Object lookup(String name) {
      for (int i = names.size() - 1; i >= 0; i--) {
        if (names.get(i).equals(name)) {
          return values.get(i);
        }
      }
      throw new TemplateException("template: undefined variable: " + name);
    }

    void assign(String name, Object value) {
      for (int i = names.size() - 1; i >= 0; i--) {
        if (names.get(i).equals(name)) {
          values.set(i, value);
          return;
        }
      }
      throw new TemplateException("template: undefined variable: " + name);
    }

    void truncate(int mark) {
      while (names.size() > mark) {
        names.remove(names.size() - 1);
        values.remove(values.size() - 1);
      }
    }
  }

  private void walk(List<Node> list, Object dot, State state) {
    for (Node node : list) {
      if (node instanceof Text) {
        state.out.append(((Text) node).text());
      } else if (node instanceof Action) {
        Pipeline pipeline = ((Action) node).pipeline();
        Object value = pipeline(pipeline, dot, state);
        if (pipeline.variables().isEmpty()) {
          state.out.append(value == null ? "<no value>" : GoFormat.print(value));
        }
      } else {
        block((Block) node, dot, state);
      }
    }
  }

  private void block(Block block, Object dot, State state) {
    int mark = state.names.size();
    try {
      switch (block.keyword()) {
        case "if":
          {
            Object value = pipeline(block.pipeline(), dot, state);
            walk(TemplateFunctions.truth(value) ? block.body() : block.otherwise(), dot, state);
            break;
          }
        case "with":
          {
            Object value = pipeline(block.pipeline(), dot, state);
            if (TemplateFunctions.truth(value)) {
              walk(block.body(), value, state);
            } else {
              walk(block.otherwise(), dot, state);
            }
            break;
          }
        default:
          range(block, dot, state);
      }
    } finally {
      state.truncate(mark);
    }
  }

  private void range(Block block, Object dot, State state) {
    List<String> variables = block.pipeline().variables();
    Pipeline pipeline = new Pipeline(List.of(), true, block.pipeline().commands());
    Object value = pipeline(pipeline, dot, state);
    List<Object[]> items = new ArrayList<>();
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        items.add(new Object[] {(long) i, list.get(i)});
      }
    } else if (value instanceof Map) {
      GoFormat.sorted((Map<?, ?>) value).forEach((k, v) -> items.add(new Object[] {k, v}));
    } else if (value instanceof Long) {
      for (long i = 0; i < (Long) value; i++) {
        items.add(new Object[] {i, i});
      }
    } else if (value != null) {
      throw new TemplateException(
          "template: range can't iterate over a " + GoFormat.typeName(value));
    }
    if (items.isEmpty()) {
      walk(block.otherwise(), dot, state);
      return;
    }
    int mark = state.names.size();
    for (Object[] item : items) {
      if (variables.size() == 1) {
        declare(state, variables.get(0), item[1], block.pipeline().declare());
      } else if (variables.size() == 2) {
        declare(state, variables.get(0), item[0], block.pipeline().declare());
        declare(state, variables.get(1), item[1], block.pipeline().declare());
      }
      walk(block.body(), item[1], state);
      state.truncate(mark);
    }
  }

  private static void declare(State state, String name, Object value, boolean declare) {
    if (declare) {
      state.names.add(name);
      state.values.add(value);
    } else {
      state.assign(name, value);
    }
  }

  private Object pipeline(Pipeline pipeline, Object dot, State state) {
    Object value = null;
    boolean piped = false;
    for (Command command : pipeline.commands()) {
      value = command(command, dot, state, value, piped);
      piped = true;
    }
    if (pipeline.variables().size() == 1) {
      declare(state, pipeline.variables().get(0), value, pipeline.declare());
    } else if (pipeline.variables().size() > 1) {
      throw new TemplateException("template: too many declarations in command");
    }
    return value;
  }

  private Object command(Command command, Object dot, State state, Object final_, boolean piped) {
    List<Operand> operands = command.operands();
    Operand first = operands.get(0);
    if (first instanceof Function) {
      List<Object> args = new ArrayList<>(operands.size());
      for (int i = 1; i < operands.size(); i++) {
        args.add(operand(operands.get(i), dot, state));
      }
      if (piped) {
        args.add(final_);
      }
      return TemplateFunctions.call(((Function) first).name(), args);
    }
    if (operands.size() > 1 || piped) {
      throw new TemplateException(
          "template: can't give argument to non-function " + describe(first));
    }
    return operand(first, dot, state);
  }

  private Object operand(Operand operand, Object dot, State state) {
    if (operand instanceof Dot) {
      return dot;
    }
    if (operand instanceof Literal) {
      return ((Literal) operand).value();
    }
    if (operand instanceof Variable) {
      return state.lookup(((Variable) operand).name());
    }
    if (operand instanceof Function) {
      return TemplateFunctions.call(((Function) operand).name(), new ArrayList<>());
    }
    if (operand instanceof SubPipeline) {
      return pipeline(((SubPipeline) operand).pipeline(), dot, state);
    }
    Chain chain = (Chain) operand;
    Object value = operand(chain.base(), dot, state);
    for (String field : chain.fields()) {
      value = field(value, field);
    }
    return value;
  }

  private static Object field(Object receiver, String name) {
    if (receiver instanceof Map) {
      return ((Map<?, ?>) receiver).get(name);
    }
    if (receiver == null) {
      throw new TemplateException("template: nil pointer evaluating interface {}." + name);
    }
    throw new TemplateException(
        "template: can't evaluate field " + name + " in type " + GoFormat.typeName(receiver));
  }

  private static String describe(Operand operand) {
    return operand instanceof Chain
        ? "." + String.join(".", ((Chain) operand).fields())
        : operand.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
