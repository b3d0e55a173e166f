package io.caravan.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.ZeroArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * A Lua script of an Argo script filter or script transform, compiled once and run in a fresh
 * sandbox per event with the global {@code event} = the event data. The sandbox has Lua's base,
 * string, table, math and bit32 libraries only: no {@code io}, {@code os}, {@code debug}, {@code
 * package}/{@code require}, {@code dofile}, {@code loadfile} or Java access (Argo's gopher-lua
 * state has them all), and a script is stopped with an error after {@link #MAX_INSTRUCTIONS} VM
 * instructions (Argo's would run forever).
 *
 * <p>Conversions follow Argo's: JSON → Lua drops {@code null} values, and inside arrays keeps only
 * numbers, strings, booleans and objects (nested arrays and nulls are dropped); Lua → JSON turns a
 * table without positive integer keys into an object (keys sorted, as Go's JSON encoder writes a
 * map) unless its metatable has {@code __is_array = true} (then {@code []}), a table with them into
 * an array {@code 1..max}, and numbers into JSON numbers (integral values without a fraction).
 */
public final class LuaScript {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Prototype prototype;

  private LuaScript(Prototype prototype) {
    this.prototype = prototype;
  }

  /**
   * @throws ExpressionException when the script does not compile
   */
  public static LuaScript compile(String source, String name) {
    try {
      return new LuaScript(
          LuaC.instance.compile(
              new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), name));
    } catch (LuaError | IOException e) {
      throw new ExpressionException(e.getMessage());
    }
  }

  /**
   * Runs the script with {@code event} bound to {@code data} (a JSON object) and returns the last
   * value it returned ({@code nil} when it returned nothing).
   *
   * @throws ExpressionException for a runtime error or data that is not an object
   */
  public LuaValue run(JsonNode data) {
    if (data == null || !data.isObject()) {
      throw new ExpressionException("event data is not a JSON object");
    }
    Globals globals = sandbox();
    globals.set("event", toLua(data));
    try {
      Varargs result = new LuaClosure(prototype, globals).invoke();
      return result.narg() == 0 ? LuaValue.NIL : result.arg(result.narg());
    } catch (LuaError | StackOverflowError e) {
      throw new ExpressionException(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** Lua VM instructions a script may run per event before it is stopped as runaway. */
  static final int MAX_INSTRUCTIONS = 10_000_000;

  private static Globals sandbox() {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    globals.load(new StringLib());
    globals.load(new JseMathLib());
    globals.load(new Bit32Lib());
    globals.load(new DebugLib());
    LuaValue stop =
        new ZeroArgFunction() {
          @Override
          public LuaValue call() {
            throw new LuaError("script stopped after " + MAX_INSTRUCTIONS + " instructions");
          }
        };
    globals
        .get("debug")
        .get("sethook")
        .invoke(
            LuaValue.varargsOf(
                new LuaValue[] {stop, LuaValue.valueOf(""), LuaValue.valueOf(MAX_INSTRUCTIONS)}));
    for (String unsafe :
        new String[] {
          "dofile", "loadfile", "load", "require", "package", "collectgarbage", "debug"
        }) {
      globals.set(unsafe, LuaValue.NIL);
    }
    return globals;
  }

  /** Argo's {@code mapToTable} for one JSON object. */
  static LuaTable toLua(JsonNode object) {
    LuaTable table = new LuaTable();
    object
        .fields()
        .forEachRemaining(
            e -> {
              LuaValue value = scalarOrObject(e.getValue());
              if (value != null) {
                table.rawset(e.getKey(), value);
              } else if (e.getValue().isArray()) {
                LuaTable array = new LuaTable();
                int i = 1;
                for (JsonNode element : e.getValue()) {
                  LuaValue v = scalarOrObject(element);
                  if (v != null) {
                    array.rawset(i++, v);
                  }
                }
                table.rawset(e.getKey(), array);
              }
            });
    return table;
  }

  private static LuaValue scalarOrObject(JsonNode node) {
    if (node.isTextual()) {
      return LuaValue.valueOf(node.textValue());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    if (node.isObject()) {
      return toLua(node);
    }
    return null;
  }

  /** Argo's {@code toGoValue} followed by Go's JSON encoding. */
  public static JsonNode toJson(LuaValue value) {
    if (value.isnil()) {
      return NODES.nullNode();
    }
    if (value.isboolean()) {
      return NODES.booleanNode(value.toboolean());
    }
    if (value.type() == LuaValue.TNUMBER) {
      return number(value.todouble());
    }
    if (value.isstring()) {
      return NODES.textNode(value.tojstring());
    }
    if (value.istable()) {
      LuaTable table = (LuaTable) value;
      int max = maxIndex(table);
      if (max == 0) {
        LuaValue meta = table.getmetatable();
        if (meta != null && meta.istable() && meta.rawget("__is_array").toboolean()) {
          return NODES.arrayNode();
        }
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (LuaValue key = table.next(LuaValue.NIL).arg1();
            !key.isnil();
            key = table.next(key).arg1()) {
          sorted.put(
              key.type() == LuaValue.TNUMBER
                  ? GoFormat.formatFloatG(key.todouble())
                  : key.tojstring(),
              toJson(table.rawget(key)));
        }
        ObjectNode object = NODES.objectNode();
        sorted.forEach(object::set);
        return object;
      }
      ArrayNode array = NODES.arrayNode();
      for (int i = 1; i <= max; i++) {
        array.add(toJson(table.rawget(i)));
      }
      return array;
    }
    throw new ExpressionException("a Lua " + value.typename() + " cannot be converted to JSON");
  }

  private static int maxIndex(LuaTable table) {
    int max = 0;
    for (LuaValue key = table.next(LuaValue.NIL).arg1();
        !key.isnil();
        key = table.next(key).arg1()) {
      if (key.isinttype() && key.toint() > max) {
        max = key.toint();
      } else if (key.type() == LuaValue.TNUMBER
          && key.todouble() == Math.rint(key.todouble())
          && key.todouble() > max
          && key.todouble() < Integer.MAX_VALUE) {
        max = (int) key.todouble();
      }
    }
    return max;
  }

  /** A Go float64 as Go's JSON encoder writes it: integral values without a fraction. */
  public static JsonNode number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
        return NODES.numberNode((int) d);
      }
      if (d >= Long.MIN_VALUE && d <= Long.MAX_VALUE) {
        return NODES.numberNode((long) d);
      }
      return NODES.numberNode(new BigDecimal(d).toBigInteger());
    }
    return NODES.numberNode(d);
  }
}
