package dev.agentry.engine.compile;

import dev.agentry.engine.model.CelExpression;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the CEL expressions of workflows (conditions, loop ends, routers) at load time: syntax, and that every
 * variable they read is one the workflow runner provides. Functions are CEL's standard library plus its strings
 * extension ({@code lowerAscii}, {@code split}, {@code trim}, ...), as in Kubernetes.
 */
final class CelChecker {
  /** The variables a workflow expression can read; see {@code schemas/workflow.schema.json}. */
  static final List<String> VARIABLES =
      List.of("input", "previous_step_content", "session_state", "step_outputs", "iteration");

  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addLibraries(CelExtensions.strings())
      .addVar("input", SimpleType.DYN)
      .addVar("previous_step_content", SimpleType.DYN)
      .addVar("session_state", SimpleType.DYN)
      .addVar("step_outputs", SimpleType.DYN)
      .addVar("iteration", SimpleType.INT)
      .build();

  /** CEL's runtime, started at the first evaluation of a workflow expression, not when specs load. */
  private static final class Runtime {
    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
        .addLibraries(CelExtensions.strings())
        .build();
  }

  /** One problem in an expression, at a 1-based column of the expression text. */
  record Issue(int column, String message) {}

  private CelChecker() {}

  /** An expression compiled: its checked syntax tree, or the problems that kept it from compiling. */
  record Compiled(@Nullable CelAbstractSyntaxTree ast, List<Issue> issues) {}

  /** Parses and type-checks {@code expression}; the tree is there exactly when there are no issues. */
  static Compiled compile(String expression) {
    CelValidationResult result = COMPILER.compile(expression);
    if (!result.hasError()) {
      try {
        return new Compiled(result.getAst(), List.of());
      } catch (dev.cel.common.CelValidationException e) {
        throw new IllegalStateException("CEL reported no error but gave no tree", e);
      }
    }
    return new Compiled(null, result.getErrors().stream()
        .map(issue -> new Issue(issue.getSourceLocation().getColumn() + 1, message(issue)))
        .toList());
  }

  /**
   * The runnable form of an expression the checker accepted, for the compiled step: its program is planned from the
   * tree the check gave ({@code ast}; compiled again only when there is none) when it first runs.
   *
   * @throws IllegalStateException when it does not compile (the checker reports that first)
   */
  static CelExpression expression(String text, @Nullable CelAbstractSyntaxTree ast) {
    CelAbstractSyntaxTree tree = ast != null ? ast : compile(text).ast();
    if (tree == null) {
      throw new IllegalStateException("a CEL expression with problems reached the catalog: " + text);
    }
    return CelExpression.of(text, () -> {
      try {
        return Runtime.RUNTIME.createProgram(tree);
      } catch (CelEvaluationException e) {
        throw new IllegalStateException("CEL could not plan a checked expression: " + text, e);
      }
    });
  }

  private static String message(CelIssue issue) {
    String text = issue.getMessage();
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    int expecting = first.indexOf(" expecting {");
    if (expecting >= 0) {
      first = first.substring(0, expecting) + ": the expression is incomplete or has a stray character";
    }
    return first.replace(" (in container '')", "");
  }
}
