package dev.agentry.engine.tool.builtin;

import static dev.agentry.engine.tool.builtin.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalculatorToolsTest {
  private final List<Tool> tools = CalculatorTools.create(Map.of(), Path.of("."));

  private String ok(String name, String arguments) {
    ToolResult result = call(tools, name, arguments);
    assertThat(result.outcome()).as(result.content()).isEqualTo(ToolResult.Outcome.OK);
    return result.content();
  }

  private String error(String name, String arguments) {
    ToolResult result = call(tools, name, arguments);
    assertThat(result.outcome()).as(result.content()).isEqualTo(ToolResult.Outcome.ERROR);
    return result.content();
  }

  @Test
  void offers_agnos_calculator_functions() {
    assertThat(ToolCalls.names(tools)).containsExactly(
        "add", "subtract", "multiply", "divide", "exponentiate", "factorial", "is_prime", "square_root");
  }

  @Test
  void add_prints_a_whole_result_without_a_decimal_point_as_agno_does() {
    assertThat(ok("add", "{\"a\": 2, \"b\": 3}")).isEqualTo("{\"operation\": \"addition\", \"result\": 5}");
    assertThat(ok("add", "{\"a\": 2.5, \"b\": 0.5}")).isEqualTo("{\"operation\": \"addition\", \"result\": 3}");
  }

  @Test
  void decimal_arithmetic_has_no_binary_rounding_noise() {
    assertThat(ok("add", "{\"a\": 0.1, \"b\": 0.2}")).contains("\"result\": 0.3}");
    assertThat(ok("subtract", "{\"a\": 5, \"b\": 7.5}"))
        .isEqualTo("{\"operation\": \"subtraction\", \"result\": -2.5}");
    assertThat(ok("multiply", "{\"a\": 1.5, \"b\": 4}"))
        .isEqualTo("{\"operation\": \"multiplication\", \"result\": 6}");
    assertThat(ok("multiply", "{\"a\": 123456789, \"b\": 987654321}")).contains("\"result\": 121932631112635269}");
  }

  @Test
  void divide_rounds_to_sixteen_digits_and_refuses_zero() {
    assertThat(ok("divide", "{\"a\": 10, \"b\": 4}")).isEqualTo("{\"operation\": \"division\", \"result\": 2.5}");
    assertThat(ok("divide", "{\"a\": 1, \"b\": 3}")).contains("\"result\": 0.3333333333333333}");
    assertThat(ok("divide", "{\"a\": 6, \"b\": 3}")).contains("\"result\": 2}");
    assertThat(error("divide", "{\"a\": 1, \"b\": 0}")).isEqualTo("Division by zero is undefined");
  }

  @Test
  void exponentiate_reports_results_that_are_too_large_or_not_real() {
    assertThat(ok("exponentiate", "{\"a\": 2, \"b\": 10}"))
        .isEqualTo("{\"operation\": \"exponentiation\", \"result\": 1024}");
    assertThat(ok("exponentiate", "{\"a\": 2, \"b\": 0.5}")).contains("\"result\": 1.4142135623730951}");
    assertThat(ok("exponentiate", "{\"a\": 2, \"b\": -1}")).contains("\"result\": 0.5}");
    assertThat(error("exponentiate", "{\"a\": 10, \"b\": 5000}")).contains("too large");
    assertThat(error("exponentiate", "{\"a\": -8, \"b\": 0.5}")).contains("no real result");
  }

  @Test
  void factorial_is_exact_from_0_to_170() {
    assertThat(ok("factorial", "{\"n\": 0}")).isEqualTo("{\"operation\": \"factorial\", \"result\": 1}");
    assertThat(ok("factorial", "{\"n\": 20}")).contains("\"result\": 2432902008176640000}");
    assertThat(ok("factorial", "{\"n\": 170}")).startsWith("{\"operation\": \"factorial\", \"result\": 7257415615");
    assertThat(error("factorial", "{\"n\": 171}")).contains("170");
    assertThat(error("factorial", "{\"n\": -1}")).isEqualTo("Factorial of a negative number is undefined");
    assertThat(error("factorial", "{\"n\": 2.5}")).contains("whole number");
  }

  @Test
  void is_prime_checks_whole_numbers() {
    assertThat(ok("is_prime", "{\"n\": 97}")).isEqualTo("{\"operation\": \"prime_check\", \"result\": true}");
    assertThat(ok("is_prime", "{\"n\": 91}")).contains("false");
    assertThat(ok("is_prime", "{\"n\": 1}")).contains("false");
    assertThat(ok("is_prime", "{\"n\": -7}")).contains("false");
    assertThat(ok("is_prime", "{\"n\": 2147483647}")).contains("true");
  }

  @Test
  void square_root_refuses_negative_numbers() {
    assertThat(ok("square_root", "{\"n\": 16}")).isEqualTo("{\"operation\": \"square_root\", \"result\": 4}");
    assertThat(ok("square_root", "{\"n\": 2}")).contains("\"result\": 1.414213562373095}");
    assertThat(error("square_root", "{\"n\": -4}")).isEqualTo("Square root of a negative number is undefined");
  }

  @Test
  void arguments_that_slipped_past_validation_give_an_error_not_an_exception() {
    assertThat(error("add", "{\"a\": \"two\", \"b\": 3}")).isEqualTo("argument 'a' must be a number");
    assertThat(error("add", "{\"a\": 2}")).isEqualTo("missing argument 'b'");
    assertThat(error("add", "null")).isEqualTo("missing argument 'a'");
  }

  @Test
  void an_unknown_option_is_refused() {
    assertThatThrownBy(() -> CalculatorTools.create(Map.of("precision", 3), Path.of(".")))
        .isInstanceOf(ToolkitException.class)
        .hasMessageContaining("calculator")
        .hasMessageContaining("precision");
  }
}
