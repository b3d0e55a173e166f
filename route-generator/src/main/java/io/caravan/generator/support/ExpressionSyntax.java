package io.caravan.generator.support;

import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.sensor.DataFilter;
import io.caravan.api.sensor.EventDependency;
import io.caravan.api.sensor.ExprFilter;
import io.caravan.api.sensor.TriggerParameterSource;
import io.caravan.expr.ExprLangExpression;
import io.caravan.expr.ExpressionException;
import io.caravan.expr.GoTemplate;
import io.caravan.expr.GovaluateExpression;
import io.caravan.expr.TemplateException;
import io.caravan.generator.Diagnostic;
import java.util.List;

/**
 * Parses a manifest's expressions and templates with the runtime's parsers, so that {@code caravan
 * validate} names a syntax error before anything runs. Each is a warning: Argo admits these
 * manifests and the error shows per event (the filter fails, the template falls back), and
 * Caravan's runtime does the same.
 */
public final class ExpressionSyntax {
  private ExpressionSyntax() {}

  /**
   * A dependency's {@code filters.exprs[].expr} (govaluate) and {@code filters.data[].template}.
   */
  public static void dependency(String path, EventDependency dependency, List<Diagnostic> out) {
    if (dependency.getFilters() == null) {
      return;
    }
    List<ExprFilter> exprs = dependency.getFilters().getExprs();
    for (int i = 0; exprs != null && i < exprs.size(); i++) {
      String expr = exprs.get(i) == null ? null : exprs.get(i).getExpr();
      if (!Fields.blank(expr)) {
        String problem = govaluateProblem(expr);
        if (problem != null) {
          out.add(
              Diagnostic.warning(
                  path + ".filters.exprs[" + i + "].expr",
                  "expression does not parse, every event will fail this filter: " + problem));
        }
      }
    }
    List<DataFilter> data = dependency.getFilters().getData();
    for (int i = 0; data != null && i < data.size(); i++) {
      String template = data.get(i) == null ? null : data.get(i).getTemplate();
      String problem = Fields.blank(template) ? null : templateProblem(template);
      if (problem != null) {
        out.add(
            Diagnostic.warning(
                path + ".filters.data[" + i + "].template",
                "template does not parse, every event will fail this filter: " + problem));
      }
    }
  }

  /** A trigger parameter's {@code src.dataTemplate} and {@code src.contextTemplate}. */
  public static void parameterSource(
      String path, TriggerParameterSource src, List<Diagnostic> out) {
    template(path + ".dataTemplate", src.getDataTemplate(), "dataKey", out);
    template(path + ".contextTemplate", src.getContextTemplate(), "contextKey", out);
  }

  private static void template(
      String path, String template, String fallback, List<Diagnostic> out) {
    String problem = Fields.blank(template) ? null : templateProblem(template);
    if (problem != null) {
      out.add(
          Diagnostic.warning(
              path,
              "template does not parse, the parameter will use its "
                  + fallback
                  + " or value instead: "
                  + problem));
    }
  }

  /** An EventSource's {@code filter.expression} (expr-lang). */
  public static void eventSourceFilter(
      String path, EventSourceFilter filter, List<Diagnostic> out) {
    String expression = filter == null ? null : filter.getExpression();
    if (Fields.blank(expression)) {
      return;
    }
    try {
      ExprLangExpression.parse(expression);
    } catch (ExpressionException e) {
      out.add(
          Diagnostic.warning(
              path + ".filter.expression",
              "expression does not parse, no event of this source will be published: "
                  + e.getMessage()));
    }
  }

  private static String govaluateProblem(String expr) {
    try {
      GovaluateExpression.parse(expr);
      return null;
    } catch (ExpressionException e) {
      return e.getMessage();
    }
  }

  private static String templateProblem(String template) {
    try {
      GoTemplate.parse(template);
      return null;
    } catch (TemplateException e) {
      return e.getMessage();
    }
  }
}
