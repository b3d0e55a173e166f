package io.caravan.expr;

import java.util.List;

/** The parsed form of a Go template: a tree of nodes, immutable, shared by every execution. */
final class TemplateNodes {
  private TemplateNodes() {}

  interface Node {}

  record Text(String text) implements Node {}

  /** {@code {{ pipeline }}}: prints the value unless the pipeline declares variables. */
  record Action(Pipeline pipeline) implements Node {}

  /** {@code if}, {@code range} or {@code with} with its body and its {@code else} body. */
  record Block(String keyword, Pipeline pipeline, List<Node> body, List<Node> otherwise)
      implements Node {}

  /** {@code $a, $b := cmd | cmd}; {@code declare} is false for {@code =} (assignment). */
  record Pipeline(List<String> variables, boolean declare, List<Command> commands) {}

  record Command(List<Operand> operands) {}

  interface Operand {}

  record Dot() implements Operand {}

  record Variable(String name) implements Operand {}

  record Function(String name) implements Operand {}

  record Literal(Object value) implements Operand {}

  record SubPipeline(Pipeline pipeline) implements Operand {}

  /**
   * Field access on a base: {@code .a.b} (base {@link Dot}), {@code $x.a}, {@code (pipeline).a}.
   */
  record Chain(Operand base, List<String> fields) implements Operand {}
}
