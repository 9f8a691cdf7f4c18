package dev.agentry.engine.run;

import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.event.ToolExecution.UserInputField;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The arguments a user fills in before a call runs ({@code requires_user_input} with {@code user_input_fields},
 * implements {@code schemas/toolkit.schema.json#/$defs/function}), as Agno's {@code Function} treats them: they are
 * left out of the parameters the model sees (so the model is never asked for them), the paused call lists every
 * parameter in its {@code user_input_schema} with the model's values filled in, and the continued call runs with
 * the user's values.
 */
final class UserInput {
  private UserInput() {}

  /** The definition the model sees: without the user's fields in {@code properties} and {@code required}. */
  static ToolDefinition modelDefinition(ToolDefinition definition, ToolFlags flags) {
    if (flags.userInputFields() == null || !(definition.parameters() instanceof ObjectNode parameters)) {
      return definition;
    }
    Set<String> hidden = userFields(flags, parameters);
    ObjectNode visible = parameters.deepCopy();
    if (visible.get("properties") instanceof ObjectNode properties) {
      hidden.forEach(properties::remove);
    }
    if (visible.get("required") instanceof ArrayNode required) {
      ArrayNode kept = visible.putArray("required");
      required.forEach(name -> {
        if (!hidden.contains(name.asString())) {
          kept.add(name);
        }
      });
    }
    return new ToolDefinition(definition.name(), definition.description(), visible);
  }

  /**
   * The {@code user_input_schema} of a paused call: every parameter of the tool (as Agno lists them), with the
   * value the model gave, null for the ones the user fills in; null when the call takes no user input.
   */
  static @Nullable List<UserInputField> schema(BoundTool tool, @Nullable JsonNode args) {
    ToolFlags flags = tool.flags();
    if (flags.userInputFields() == null) {
      return null;
    }
    JsonNode parameters = tool.tool().definition().parameters();
    JsonNode properties = parameters.path("properties");
    Set<String> names = new LinkedHashSet<>(properties.propertyNames());
    names.addAll(userFields(flags, parameters));
    List<UserInputField> fields = new ArrayList<>(names.size());
    for (String name : names) {
      JsonNode property = properties.path(name);
      JsonNode given = args == null ? null : args.get(name);
      fields.add(new UserInputField(name, fieldType(property),
          property.path("description").isString() ? property.path("description").stringValue() : null,
          given == null || given.isNull() ? null : Json.MAPPER.treeToValue(given, Object.class)));
    }
    return fields;
  }

  /**
   * The arguments a continued call runs with: the model's, with every value the user gave in
   * {@code user_input_schema} (a number or yes/no typed as text is read as the parameter's type).
   *
   * @param tool the tool as the agent binds it now; null when the catalog no longer has it
   * @throws InvalidAnswerException when a field the user must fill in has no value
   */
  static JsonNode filledIn(ToolExecution paused, ToolExecution answer, @Nullable BoundTool tool) {
    ObjectNode args = paused.toolArgs() instanceof ObjectNode o ? o.deepCopy() : Json.MAPPER.createObjectNode();
    JsonNode properties = tool == null ? Json.MAPPER.createObjectNode()
        : tool.tool().definition().parameters().path("properties");
    List<UserInputField> fields = answer.userInputSchema() == null ? List.of() : answer.userInputSchema();
    for (UserInputField field : fields) {
      if (field.value() != null) {
        args.set(field.name(), typed(Json.MAPPER.valueToTree(field.value()), properties.path(field.name())));
      }
    }
    if (tool != null) {
      for (String name : mustFill(tool)) {
        JsonNode value = args.get(name);
        if (value == null || value.isNull()) {
          throw new InvalidAnswerException("tool call " + paused.toolCallId() + " (" + paused.toolName()
              + ") waits for user input: fill in the value of '" + name + "'");
        }
      }
    }
    return args;
  }

  /** The fields the user fills in: those listed, or every parameter when the list is empty. */
  private static Set<String> userFields(ToolFlags flags, JsonNode parameters) {
    List<String> listed = flags.userInputFields() == null ? List.of() : flags.userInputFields();
    return listed.isEmpty() ? new LinkedHashSet<>(parameters.path("properties").propertyNames())
        : new LinkedHashSet<>(listed);
  }

  /** The user's fields that must have a value: those listed, or the required parameters when all are the user's. */
  private static Set<String> mustFill(BoundTool tool) {
    List<String> listed = tool.flags().userInputFields();
    if (listed == null) {
      return Set.of();
    }
    if (!listed.isEmpty()) {
      return new LinkedHashSet<>(listed);
    }
    Set<String> required = new LinkedHashSet<>();
    tool.tool().definition().parameters().path("required").forEach(n -> required.add(n.asString()));
    return required;
  }

  /** Agno's {@code field_type}: the Python type name of the parameter's JSON Schema type. */
  private static String fieldType(JsonNode property) {
    return switch (jsonType(property)) {
      case "integer" -> "int";
      case "number" -> "float";
      case "boolean" -> "bool";
      case "array" -> "list";
      case "object" -> "dict";
      default -> "str";
    };
  }

  private static String jsonType(JsonNode property) {
    JsonNode type = property.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asString())) {
          return t.asString();
        }
      }
    }
    return type.asString("string");
  }

  /** A value typed as text read as the parameter's number or boolean type; any other value as it is. */
  private static JsonNode typed(JsonNode value, JsonNode property) {
    if (!value.isString()) {
      return value;
    }
    String text = value.stringValue().strip();
    try {
      return switch (jsonType(property)) {
        case "integer" -> Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(text));
        case "number" -> Json.MAPPER.getNodeFactory().numberNode(Double.parseDouble(text));
        case "boolean" -> "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)
            ? Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(text)) : value;
        default -> value;
      };
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
