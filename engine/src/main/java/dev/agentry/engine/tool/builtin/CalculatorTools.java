package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code calculator} builtin toolkit: Agno's {@code CalculatorTools} functions (add, subtract, multiply, divide,
 * exponentiate, factorial, is_prime, square_root).
 *
 * <p>Results are JSON text as Agno prints them, {@code {"operation": "addition", "result": 5}}. Sums, differences,
 * products and quotients are computed in decimal, so {@code 0.1 + 0.2} is {@code 0.3} and whole results print
 * without {@code .0}. It takes no options.
 */
public final class CalculatorTools {
  private static final int MAX_FACTORIAL = 170;
  /** Beyond this many digits a whole number prints in scientific notation rather than as a wall of digits. */
  private static final int MAX_PLAIN_DIGITS = 30;

  private CalculatorTools() {}

  /** Creates the calculator functions; matches {@link dev.agentry.engine.tool.ToolFactory}. */
  public static List<Tool> create(Map<String, Object> options, Path baseDir) {
    ToolOptions.of("calculator", options, Set.of());
    return List.of(
        binary("add", "Add two numbers and return the result.", "addition", BigDecimal::add),
        binary("subtract", "Subtract the second number from the first and return the result.", "subtraction",
            BigDecimal::subtract),
        binary("multiply", "Multiply two numbers and return the result.", "multiplication", BigDecimal::multiply),
        FunctionTool.computing("divide", "Divide the first number by the second and return the result.", twoNumbers(),
            (args, context) -> divide(args.number("a"), args.number("b"))),
        FunctionTool.computing("exponentiate", "Raise the first number to the power of the second and return the result.",
            twoNumbers(), (args, context) -> exponentiate(args.number("a"), args.number("b"))),
        FunctionTool.computing("factorial", "Calculate the factorial of a whole number from 0 to 170.",
            ParameterSchema.object().required("n", "integer", "The number, from 0 to 170.").build(),
            (args, context) -> factorial(args.integer("n"))),
        FunctionTool.computing("is_prime", "Check whether a whole number is a prime number.",
            ParameterSchema.object().required("n", "integer", "The number to check.").build(),
            (args, context) -> result("prime_check", isPrime(args.integer("n")))),
        FunctionTool.computing("square_root", "Calculate the square root of a number that is not negative.",
            ParameterSchema.object().required("n", "number", "The number.").build(),
            (args, context) -> squareRoot(args.number("n"))));
  }

  private static Tool binary(String name, String description, String operation, BinaryOperator<BigDecimal> op) {
    return FunctionTool.computing(name, description, twoNumbers(),
        (args, context) -> result(operation, number(op.apply(args.number("a"), args.number("b")))));
  }

  private static ObjectNode twoNumbers() {
    return ParameterSchema.object()
        .required("a", "number", "The first number.")
        .required("b", "number", "The second number.")
        .build();
  }

  private static ToolResult divide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      return ToolResult.error("Division by zero is undefined");
    }
    // DECIMAL64 keeps 16 significant digits, as a double would, without a double's binary rounding noise.
    return result("division", number(a.divide(b, MathContext.DECIMAL64)));
  }

  private static ToolResult exponentiate(BigDecimal a, BigDecimal b) {
    double value = Math.pow(a.doubleValue(), b.doubleValue());
    if (Double.isNaN(value)) {
      return ToolResult.error("Exponentiation of " + a.toPlainString() + " to the power " + b.toPlainString()
          + " has no real result");
    }
    if (Double.isInfinite(value)) {
      return ToolResult.error("Exponentiation result is too large");
    }
    return result("exponentiation", number(BigDecimal.valueOf(value)));
  }

  private static ToolResult factorial(long n) {
    if (n < 0) {
      return ToolResult.error("Factorial of a negative number is undefined");
    }
    if (n > MAX_FACTORIAL) {
      return ToolResult.error("Factorial is only computed for numbers up to " + MAX_FACTORIAL);
    }
    BigInteger product = BigInteger.ONE;
    for (int i = 2; i <= n; i++) {
      product = product.multiply(BigInteger.valueOf(i));
    }
    return result("factorial", product);
  }

  private static boolean isPrime(long n) {
    // Certainty 64: a composite passes with probability below 2^-64, and the check is instant for any long.
    return n > 1 && BigInteger.valueOf(n).isProbablePrime(64);
  }

  private static ToolResult squareRoot(BigDecimal n) {
    if (n.signum() < 0) {
      return ToolResult.error("Square root of a negative number is undefined");
    }
    return result("square_root", number(n.sqrt(MathContext.DECIMAL64)));
  }

  /** A whole result as an integer, so {@code 2 + 3} prints {@code 5}; any other as the shortest decimal. */
  static Number number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return BigInteger.ZERO;
    }
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= MAX_PLAIN_DIGITS) {
      return stripped.toBigIntegerExact();
    }
    return stripped;
  }

  private static ToolResult result(String operation, Object value) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("operation", operation);
    fields.put("result", value);
    return ToolResult.of(JsonText.of(fields));
  }
}
