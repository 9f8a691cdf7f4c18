package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.SourceMap;
import dev.agentry.engine.spec.Suggestions;
import dev.cel.common.CelAbstractSyntaxTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Walks the nested steps of a workflow: each step is exactly one kind, its names are unique, its references
 * resolve, its CEL expressions compile and the step names they write (in {@code step_outputs}, as a router's
 * choices) exist. Implements the checks of {@code schemas/workflow.schema.json#/$defs/step}.
 */
final class StepChecker {
  /** The keys that make a step what it is; exactly one per step. */
  static final List<String> STEP_KINDS =
      List.of("agent", "team", "workflow", "steps", "condition", "loop", "parallel", "router");

  /** Where nested step lists live inside a step, by step kind. */
  private static final List<String> NESTED = List.of(
      "/steps", "/condition/steps", "/condition/else_steps", "/loop/steps", "/parallel/steps", "/router/choices");

  /** Where CEL expressions live inside a step. */
  private static final List<String> EXPRESSIONS =
      List.of("/condition/evaluator", "/loop/end_condition", "/router/selector", "/stop_when");

  private final Draft workflow;
  private final Problems problems;
  private final Resolver resolver;
  private final Map<String, String> names = new LinkedHashMap<>();
  /** Expressions that compiled, checked for the step names they use once every name is known. */
  private final List<Expression> expressions = new ArrayList<>();

  /** A compiled expression at {@code pointer}; {@code choices} are its router's choice names, or null. */
  private record Expression(String pointer, CelAbstractSyntaxTree ast, @Nullable String router,
      @Nullable List<String> choices) {}

  /** Resolves a reference found in a step; implemented by the compiler. */
  interface Resolver {
    void resolve(Draft from, String pointer, References.Target target);

    /** Keeps an expression's checked tree, so that the catalog plans its program without compiling it again. */
    void compiled(String expression, CelAbstractSyntaxTree ast);
  }

  StepChecker(Draft workflow, Problems problems, Resolver resolver) {
    this.workflow = workflow;
    this.problems = problems;
    this.resolver = resolver;
  }

  void check() {
    JsonNode steps = workflow.tree().path("spec").path("steps");
    if (steps.isArray() && steps.isEmpty()) {
      problems.at(workflow, "/spec/steps", "empty-steps", "a workflow needs at least one step", null);
    }
    checkList(steps, "/spec/steps");
    expressions.forEach(this::checkNames);
  }

  private void checkList(JsonNode steps, String pointer) {
    for (int i = 0; i < steps.size(); i++) {
      checkStep(steps.get(i), SourceMap.child(pointer, i));
    }
  }

  private void checkStep(JsonNode step, String pointer) {
    JsonNode name = step.get("name");
    if (name != null && name.isString()) {
      String previous = names.putIfAbsent(name.asString(), pointer);
      if (previous != null) {
        SourceMap.Mark first = workflow.markOf(previous);
        problems.at(workflow, SourceMap.child(pointer, "name"), "duplicate-step",
            "duplicate step name '" + name.asString() + "' (first used at line " + first.line() + ")",
            "step names must be unique in a workflow: routers and step_outputs refer to them");
      }
    }
    List<String> present = new ArrayList<>();
    for (String kind : STEP_KINDS) {
      if (step.has(kind) && !step.get(kind).isNull()) {
        present.add(kind);
      }
    }
    if (present.size() != 1) {
      problems.at(workflow, pointer, "step-kind", present.isEmpty()
              ? "a step needs exactly one of " + String.join(", ", STEP_KINDS)
              : "a step can be only one thing, but has " + String.join(" and ", present),
          present.isEmpty() ? null : "split it into one step per kind");
    }
    JsonNode routerStep = step.path("router");
    if (routerStep.isObject() && !routerStep.has("selector")
        && !routerStep.path("requires_user_input").asBoolean(false)) {
      problems.at(workflow, SourceMap.child(pointer, "router"), "router-selector",
          "a router needs a selector, or requires_user_input: true to let a person choose",
          "add selector: with a CEL expression that returns a choice's name");
    }
    for (String kind : List.of("agent", "team", "workflow")) {
      if (step.has(kind)) {
        resolver.resolve(workflow, SourceMap.child(pointer, kind), References.Target.valueOf(kind.toUpperCase()));
      }
    }
    for (String path : EXPRESSIONS) {
      JsonNode expression = step.at(path);
      if (expression.isString()) {
        CelAbstractSyntaxTree ast = checkExpression(expression.asString(), pointer + path);
        if (ast != null) {
          boolean router = path.startsWith("/router/");
          expressions.add(new Expression(pointer + path, ast, router ? name == null ? null : name.asString("") : null,
              router ? choiceNames(step.at("/router/choices")) : null));
        }
      }
    }
    for (String path : NESTED) {
      JsonNode nested = step.at(path);
      if (nested.isArray()) {
        checkList(nested, pointer + path);
      }
    }
  }

  private static List<String> choiceNames(JsonNode choices) {
    List<String> out = new ArrayList<>();
    choices.forEach(choice -> {
      if (choice.path("name").isString()) {
        out.add(choice.path("name").asString());
      }
    });
    return out;
  }

  /** Step names an expression writes as literals must exist: in step_outputs any step, from a router its choices. */
  private void checkNames(Expression expression) {
    for (CelNames.Name used : CelNames.stepOutputs(expression.ast())) {
      if (!names.containsKey(used.name())) {
        String hint = Suggestions.didYouMean(used.name(), names.keySet());
        problems.at(workflow, expression.pointer(), "unknown-step", "step_outputs names '" + used.name()
                + "' at column " + used.column() + " of the expression, but no step of this workflow has that name",
            hint != null ? hint : "the steps are " + String.join(", ", names.keySet()));
      }
    }
    if (expression.choices() == null || expression.choices().isEmpty()) {
      return;
    }
    for (CelNames.Name chosen : CelNames.results(expression.ast())) {
      if (!expression.choices().contains(chosen.name())) {
        String hint = Suggestions.didYouMean(chosen.name(), expression.choices());
        String router = expression.router() == null ? "this router" : "router '" + expression.router() + "'";
        problems.at(workflow, expression.pointer(), "unknown-choice", "the selector returns '" + chosen.name()
                + "' at column " + chosen.column() + ", which is not a choice of " + router,
            hint != null ? hint : "its choices are " + String.join(", ", expression.choices()));
      }
    }
  }

  /** Reports the problems of an expression; returns its checked tree when it has none. */
  private @Nullable CelAbstractSyntaxTree checkExpression(String expression, String pointer) {
    CelChecker.Compiled compiled = CelChecker.compile(expression);
    for (CelChecker.Issue issue : compiled.issues()) {
      String hint = null;
      String undeclared = undeclaredName(issue.message());
      if (undeclared != null) {
        hint = Suggestions.didYouMean(undeclared, CelChecker.VARIABLES);
        if (hint == null) {
          hint = "the variables are " + String.join(", ", CelChecker.VARIABLES)
              + "; functions are CEL's standard library and strings extension";
        }
      }
      problems.at(workflow, pointer, "bad-expression",
          "invalid CEL expression at column " + issue.column() + ": " + issue.message(), hint);
    }
    if (compiled.ast() != null) {
      resolver.compiled(expression, compiled.ast());
    }
    return compiled.ast();
  }

  private static @Nullable String undeclaredName(String message) {
    String marker = "undeclared reference to '";
    int start = message.indexOf(marker);
    if (start < 0) {
      return null;
    }
    int end = message.indexOf('\'', start + marker.length());
    return end < 0 ? null : message.substring(start + marker.length(), end);
  }
}
