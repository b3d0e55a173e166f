package io.caravan.generator.support;

import io.caravan.api.sensor.EventDependency;
import io.caravan.api.sensor.EventDependencyTransformer;
import io.caravan.generator.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.compiler.LuaC;

/**
 * Compiles a dependency's jq program and Lua scripts as the runtime will, so that {@code caravan
 * validate} names a syntax error: an error for a transform (the Sensor would not start), a warning
 * for a script filter (as in Argo, every event with data then fails the filter).
 */
public final class ScriptSyntax {
  private ScriptSyntax() {}

  public static void check(String path, EventDependency dependency, List<Diagnostic> out) {
    EventDependencyTransformer transform = dependency.getTransform();
    if (transform != null) {
      if (!Fields.blank(transform.getJq())) {
        try {
          JsonQuery.compile(transform.getJq(), Versions.JQ_1_7);
        } catch (JsonQueryException e) {
          out.add(
              Diagnostic.error(path + ".transform.jq", "jq does not compile: " + e.getMessage()));
        }
      } else if (!Fields.blank(transform.getScript())) {
        lua(transform.getScript())
            .ifPresent(
                problem ->
                    out.add(
                        Diagnostic.error(
                            path + ".transform.script", "Lua does not compile: " + problem)));
      }
    }
    if (dependency.getFilters() != null && !Fields.blank(dependency.getFilters().getScript())) {
      lua(dependency.getFilters().getScript())
          .ifPresent(
              problem ->
                  out.add(
                      Diagnostic.warning(
                          path + ".filters.script",
                          "Lua does not compile, every event with data will fail this filter: "
                              + problem)));
    }
  }

  private static java.util.Optional<String> lua(String script) {
    try {
      LuaC.instance.compile(
          new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), "script");
      return java.util.Optional.empty();
    } catch (LuaError | IOException e) {
      return java.util.Optional.of(String.valueOf(e.getMessage()));
    }
  }
}
