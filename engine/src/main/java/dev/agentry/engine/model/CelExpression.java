package dev.agentry.engine.model;

import com.google.protobuf.NullValue;
import dev.agentry.engine.EngineException;
import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workflow's CEL expression (a condition's {@code evaluator}, a loop's {@code end_condition}, a router's
 * {@code selector}), checked and compiled once with its catalog; its program is planned at its first evaluation and
 * kept, so that loading specs (validate, serve, reload) never starts CEL's runtime for workflows that do not run.
 * Implements the variables of {@code schemas/workflow.schema.json}: {@code input}, {@code previous_step_content},
 * {@code session_state}, {@code step_outputs} and, in loops, {@code iteration}.
 */
public final class CelExpression {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Where CEL's evaluation errors say they happened: a 0-based offset into the expression. */
  private static final Pattern AT = Pattern.compile("^evaluation error at <input>:(\\d+): ");

  private final String text;
  private final Supplier<CelRuntime.Program> planner;
  private volatile CelRuntime.@Nullable Program program;

  private CelExpression(String text, Supplier<CelRuntime.Program> planner) {
    this.text = text;
    this.planner = planner;
  }

  /**
   * An expression as written and how to plan its program from the checked tree (given by the spec compiler, which
   * checked it); {@code planner} runs once, at the first evaluation.
   */
  public static CelExpression of(String text, Supplier<CelRuntime.Program> planner) {
    return new CelExpression(text, planner);
  }

  private CelRuntime.Program program() {
    CelRuntime.Program planned = program;
    if (planned == null) {
      planned = planner.get(); // two threads may both plan it: the same program, either one is kept
      program = planned;
    }
    return planned;
  }

  /** The expression as the spec writes it. */
  public String text() {
    return text;
  }

  /**
   * What an expression reads when it is evaluated.
   *
   * @param input the workflow's input: text, or a JSON value for a structured input
   * @param previousStepContent the content of the step that ran last ("" before the first)
   * @param sessionState the workflow session's state
   * @param stepOutputs the content of every step that has run, by step name
   * @param iteration the loop round, from 1 (0 outside loops)
   */
  public record Variables(@Nullable Object input, String previousStepContent, Map<String, ?> sessionState,
      Map<String, ?> stepOutputs, long iteration) {}

  /** Evaluates a condition or an end condition, which must give a bool. */
  public boolean test(Variables variables) {
    Object result = evaluate(variables);
    if (result instanceof Boolean b) {
      return b;
    }
    throw failure("gave " + describe(result) + ", not a bool");
  }

  /** Evaluates a router's selector, which gives one name or a list of names. */
  public List<String> names(Variables variables) {
    Object result = evaluate(variables);
    if (result instanceof String name) {
      return List.of(name);
    }
    if (result instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw failure("gave " + describe(result) + ", not a step name or a list of step names");
  }

  /**
   * The expression's value.
   *
   * @throws EngineException naming the expression and CEL's reason (with its position) when the evaluation fails
   */
  public Object evaluate(Variables variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("input", cel(variables.input()));
    values.put("previous_step_content", variables.previousStepContent());
    values.put("session_state", cel(variables.sessionState()));
    values.put("step_outputs", cel(variables.stepOutputs()));
    values.put("iteration", variables.iteration());
    try {
      return program().eval(values);
    } catch (CelEvaluationException e) {
      throw failure(reason(e));
    } catch (RuntimeException e) { // a value CEL could not read, a state changed while copied: the step fails
      throw failure("failed: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
    }
  }

  /**
   * CEL's reason, with where it points: "failed at column 13: no such key: research" ("at line 2, column 4" in an
   * expression of several lines).
   */
  private String reason(CelEvaluationException e) {
    String message = Objects.requireNonNullElse(e.getMessage(), "");
    Matcher at = AT.matcher(message);
    boolean located = at.find();
    String where = located ? " at " + position(Integer.parseInt(at.group(1))) : "";
    String why = located ? message.substring(at.end()) : message;
    if (e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND) {
      why = "no such key: " + why;
    }
    return "failed" + where + ": " + why;
  }

  /** A 0-based offset into the expression as a 1-based column, with its line when the expression has several. */
  private String position(int offset) {
    int at = Math.min(Math.max(offset, 0), text.length());
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    String column = "column " + (at - lineStart + 1);
    return text.indexOf('\n') < 0 ? column
        : "line " + (text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1) + ", " + column;
  }

  /**
   * A value as CEL takes it: JSON as maps and lists, whole numbers as long, other numbers as double, null as CEL's
   * null (a Java null would make CEL drop a variable, or compare wrongly with {@code null}).
   *
   * @throws EngineException for a value of a type CEL cannot read
   */
  private Object cel(@Nullable Object value) {
    return switch (value) {
      case null -> NullValue.NULL_VALUE;
      case JsonNode node -> cel(JSON.convertValue(node, Object.class));
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), cel(v)));
        yield out;
      }
      case Collection<?> list -> {
        List<Object> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(cel(v)));
        yield out;
      }
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Float f -> f.doubleValue();
      case java.math.BigDecimal d -> d.doubleValue();
      case java.math.BigInteger i -> i.bitLength() < 64 ? i.longValue() : i.doubleValue();
      case Enum<?> e -> e.name();
      case String t -> t;
      case Long l -> l;
      case Double d -> d;
      case Boolean b -> b;
      default -> throw failure("cannot read a " + value.getClass().getSimpleName() + " value");
    };
  }

  private static String describe(@Nullable Object result) {
    return result == null ? "null" : result.getClass().getSimpleName() + " " + result;
  }

  private EngineException failure(String reason) {
    return new EngineException("the CEL expression '" + text + "' " + reason);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CelExpression e && e.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
