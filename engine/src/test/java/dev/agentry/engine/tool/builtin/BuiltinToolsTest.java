package dev.agentry.engine.tool.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What every builtin function shows the model: a valid name, a description and a strict parameter schema. */
class BuiltinToolsTest {
  @TempDir Path base;

  private List<Tool> everyFunction() {
    List<Tool> tools = new ArrayList<>();
    tools.addAll(CalculatorTools.create(Map.of(), base));
    tools.addAll(DateTimeTools.create(Map.of(), base));
    tools.addAll(HttpFetchTools.create(
        Map.of("allowed_hosts", List.of("example.com"), "allowed_methods", List.of("GET", "POST")), base));
    tools.addAll(FileTools.create(Map.of("root", ".", "allow_write", true), base));
    return tools;
  }

  @Test
  void every_function_has_a_unique_provider_safe_name_and_a_description() {
    List<Tool> tools = everyFunction();
    assertThat(ToolCalls.names(tools)).doesNotHaveDuplicates().allMatch(n -> n.matches("^[a-zA-Z0-9_-]{1,64}$"));
    assertThat(tools).allSatisfy(t -> assertThat(t.definition().description()).isNotBlank().endsWith("."));
  }

  @Test
  void every_parameter_schema_is_a_closed_object_with_described_properties() {
    for (Tool tool : everyFunction()) {
      ToolDefinition definition = tool.definition();
      JsonNode schema = definition.parameters();
      assertThat(schema.get("type").asString()).as(definition.name()).isEqualTo("object");
      assertThat(schema.get("additionalProperties").booleanValue()).as(definition.name()).isFalse();
      JsonNode properties = schema.get("properties");
      for (JsonNode required : schema.get("required")) {
        assertThat(properties.has(required.asString())).as(definition.name() + " " + required).isTrue();
      }
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        assertThat(property.getValue().get("type")).as(definition.name() + "." + property.getKey()).isNotNull();
        assertThat(property.getValue().get("description").asString())
            .as(definition.name() + "." + property.getKey()).isNotBlank();
      }
    }
  }

  @Test
  void the_demo_models_add_call_works() {
    Tool add = ToolCalls.find(CalculatorTools.create(Map.of(), base), "add");
    assertThat(ToolCalls.call(List.of(add), "add", "{\"a\": 2, \"b\": 3}").content())
        .isEqualTo("{\"operation\": \"addition\", \"result\": 5}");
  }
}
