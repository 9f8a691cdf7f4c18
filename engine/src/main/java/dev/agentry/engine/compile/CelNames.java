package dev.agentry.engine.compile;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The names a checked CEL expression of a workflow writes as literals: the steps it reads from {@code step_outputs}
 * ({@code step_outputs["review"]}, {@code step_outputs.review}, {@code has(step_outputs.review)},
 * {@code "review" in step_outputs}) and the names a router's selector can return. Found by walking the syntax tree,
 * so a regular expression or any other text in the expression is never taken for a name.
 */
final class CelNames {
  private static final String STEP_OUTPUTS = "step_outputs";

  /** A name written in an expression, at a 1-based column of the expression text. */
  record Name(String name, int column) {}

  private CelNames() {}

  /** The step names {@code ast} reads from {@code step_outputs}, in the order they are written. */
  static List<Name> stepOutputs(CelAbstractSyntaxTree ast) {
    List<Name> names = new ArrayList<>();
    stepOutputs(ast, ast.getExpr(), names);
    names.sort(Comparator.comparingInt(Name::column));
    return names;
  }

  private static void stepOutputs(CelAbstractSyntaxTree ast, CelExpr expr, List<Name> out) {
    switch (expr.getKind()) {
      case SELECT -> {
        if (isStepOutputs(expr.select().operand())) {
          out.add(new Name(expr.select().field(), column(ast, expr)));
        }
        stepOutputs(ast, expr.select().operand(), out);
      }
      case CALL -> {
        List<CelExpr> args = expr.call().args();
        String function = expr.call().function();
        if (function.equals("_[_]") && isStepOutputs(args.get(0))) {
          text(args.get(1)).ifPresent(name -> out.add(new Name(name, column(ast, args.get(1)))));
        } else if (function.equals("@in") && isStepOutputs(args.get(1))) {
          text(args.get(0)).ifPresent(name -> out.add(new Name(name, column(ast, args.get(0)))));
        }
        expr.call().target().ifPresent(target -> stepOutputs(ast, target, out));
        args.forEach(arg -> stepOutputs(ast, arg, out));
      }
      case LIST -> expr.list().elements().forEach(element -> stepOutputs(ast, element, out));
      case MAP -> expr.map().entries().forEach(entry -> {
        stepOutputs(ast, entry.key(), out);
        stepOutputs(ast, entry.value(), out);
      });
      case STRUCT -> expr.struct().entries().forEach(entry -> stepOutputs(ast, entry.value(), out));
      case COMPREHENSION -> {
        CelExpr.CelComprehension loop = expr.comprehension();
        stepOutputs(ast, loop.iterRange(), out);
        stepOutputs(ast, loop.accuInit(), out);
        // A macro variable named step_outputs hides the workflow's inside the loop.
        if (!List.of(loop.iterVar(), loop.iterVar2(), loop.accuVar()).contains(STEP_OUTPUTS)) {
          stepOutputs(ast, loop.loopCondition(), out);
          stepOutputs(ast, loop.loopStep(), out);
          stepOutputs(ast, loop.result(), out);
        }
      }
      case NOT_SET, CONSTANT, IDENT -> { }
    }
  }

  /**
   * The texts {@code ast} can evaluate to as written: the expression itself when it is a text, both branches of a
   * {@code ?:}, and the items of a list. What it computes (a variable, a concatenation) is not known until it runs.
   */
  static List<Name> results(CelAbstractSyntaxTree ast) {
    List<Name> names = new ArrayList<>();
    results(ast, ast.getExpr(), names);
    return names;
  }

  private static void results(CelAbstractSyntaxTree ast, CelExpr expr, List<Name> out) {
    if (expr.getKind() == ExprKind.Kind.CONSTANT) {
      text(expr).ifPresent(name -> out.add(new Name(name, column(ast, expr))));
    } else if (expr.getKind() == ExprKind.Kind.CALL && expr.call().function().equals("_?_:_")) {
      results(ast, expr.call().args().get(1), out);
      results(ast, expr.call().args().get(2), out);
    } else if (expr.getKind() == ExprKind.Kind.LIST) {
      expr.list().elements().forEach(element -> results(ast, element, out));
    }
  }

  private static boolean isStepOutputs(CelExpr expr) {
    return expr.getKind() == ExprKind.Kind.IDENT && expr.ident().name().equals(STEP_OUTPUTS);
  }

  private static Optional<String> text(CelExpr expr) {
    return expr.getKind() == ExprKind.Kind.CONSTANT && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE
        ? Optional.of(expr.constant().stringValue()) : Optional.empty();
  }

  private static int column(CelAbstractSyntaxTree ast, CelExpr expr) {
    Integer offset = ast.getSource().getPositionsMap().get(expr.id());
    return offset == null ? 0
        : ast.getSource().getOffsetLocation(offset).map(location -> location.getColumn() + 1).orElse(0);
  }
}
