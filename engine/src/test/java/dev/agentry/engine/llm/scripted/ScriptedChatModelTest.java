package dev.agentry.engine.llm.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.TestModels;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scripted model's choice of reply and its {input} and {tool_result} placeholders. */
class ScriptedChatModelTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static ChatModel model(ModelSpec.Script script) {
    ModelSpec spec = new ModelSpec("scripted", null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, script);
    return ScriptedChatModel.create(new ModelDef("script", "scripted", "", spec), TestModels.HTTP, name -> null);
  }

  private static ModelSpec.ToolCall call(String name, Map<String, Object> arguments) {
    return new ModelSpec.ToolCall(name, JSON.valueToTree(arguments));
  }

  private static ChatResponse chat(ChatModel model, List<Message> messages) {
    return model.chat(ChatRequest.of(messages), StreamListener.NONE);
  }

  /** The messages of a run that made {@code call} and got {@code result} back. */
  private static List<Message> afterTool(String input, ToolCall call, String result) {
    List<Message> messages = new ArrayList<>(List.of(Message.system("be brief"), Message.user(input)));
    messages.add(Message.assistant(null, null, List.of(call)));
    messages.add(Message.tool(call, result, false));
    return messages;
  }

  @Test
  void a_turn_passes_the_users_message_on_in_its_tool_call_arguments_as_valid_json() {
    ChatModel model = model(new ModelSpec.Script(List.of(new ModelSpec.Reply(null, null,
        List.of(call("delegate_task_to_member",
            Map.of("member_id", "writer", "task", "Write about: {input}", "n", 2))))),
        null, null, null, null));
    String input = "the \"quoted\" word,\na back\\slash and {tool_result}";

    ToolCall call = chat(model, List.of(Message.user(input))).toolCalls().getFirst();

    JsonNode args = JSON.readTree(call.arguments());
    assertThat(args.get("task").asString()).isEqualTo("Write about: " + input);
    assertThat(args.get("member_id").asString()).isEqualTo("writer");
    assertThat(args.get("n").asInt()).isEqualTo(2);
  }

  @Test
  void a_later_turn_answers_with_the_last_tool_result_and_the_input() {
    ChatModel model = model(new ModelSpec.Script(List.of(
        new ModelSpec.Reply(null, null, List.of(call("lookup", Map.of("q", "{input}")))),
        new ModelSpec.Reply("You asked \"{input}\"; the tool says: {tool_result}", null, null)),
        null, null, null, null));
    ToolCall made = chat(model, List.of(Message.user("capital of France?"))).toolCalls().getFirst();

    ChatResponse answer = chat(model, afterTool("capital of France?", made, "Paris {input}"));

    assertThat(answer.toolCalls()).isEmpty();
    assertThat(answer.content()).isEqualTo("You asked \"capital of France?\"; the tool says: Paris {input}");
  }

  @Test
  void a_rule_fills_input_in_its_arguments_and_both_placeholders_in_its_answer() {
    ChatModel model = model(new ModelSpec.Script(null, List.of(new ModelSpec.Rule("capital",
        "{input} -> {tool_result}", null,
        List.of(call("lookup", Map.of("q", "Find: {input}", "tags", List.of("{input}")))))),
        null, null, null));

    ToolCall made = chat(model, List.of(Message.user("capital?"))).toolCalls().getFirst();
    assertThat(JSON.readTree(made.arguments()).get("q").asString()).isEqualTo("Find: capital?");
    assertThat(JSON.readTree(made.arguments()).get("tags").get(0).asString()).isEqualTo("capital?");

    assertThat(chat(model, afterTool("capital?", made, "Paris")).content()).isEqualTo("capital? -> Paris");
  }

  @Test
  void a_placeholder_without_a_value_is_empty_and_the_fallback_takes_them_too() {
    ChatModel model = model(new ModelSpec.Script(List.of(new ModelSpec.Reply("[{tool_result}] {input}", null, null)),
        null, null, null, "fallback: {input}"));

    assertThat(chat(model, List.of(Message.user("hi"))).content()).isEqualTo("[] hi");
    List<Message> second = List.of(Message.user("hi"), Message.assistant("[] hi", null, List.of()));
    assertThat(chat(model, second).content()).isEqualTo("fallback: hi");
  }
}
