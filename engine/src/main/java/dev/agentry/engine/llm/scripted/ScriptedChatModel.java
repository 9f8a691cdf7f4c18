package dev.agentry.engine.llm.scripted;

import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.ReasoningNotes;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.llm.Usage;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A model that replies from a script declared in YAML ({@code schemas/model.schema.json#/$defs/script}): for offline
 * demos, for the engine's tests, and for users who test their specs in CI without an API key.
 *
 * <p>Everything is counted from the latest user message, so a script restarts with every run: the n-th model call
 * of a run takes {@code turns[n]} (the reasoning steps the run put before its first call are not counted); when no turn is left, the first rule whose {@code when} matches the latest user
 * message replies; otherwise {@code fallback} does. A rule with tool calls makes them once per run; once their
 * results are in, it answers with its {@code content}. In any reply's content and in the string values of its
 * tool-call arguments, {@code {input}} stands for the latest user message and {@code {tool_result}} for the last
 * tool result of the run (empty when there is none), so a scripted team leader can pass its input on;
 * {@code {system:REGEX}} stands for what REGEX picks out of the system message (its first group), so a scripted memory
 * manager can name a memory by the ID its system message lists. Answers
 * stream in {@code chunk_size} pieces, {@code chunk_delay_ms} apart; token counts are estimated at four characters
 * a token.
 */
public final class ScriptedChatModel implements ChatModel {
  private static final String DEFAULT_FALLBACK = "(scripted model) No scripted reply matched.";

  private final String id;
  private final List<Reply> turns;
  private final List<Rule> rules;
  private final String fallback;
  private final int chunkSize;
  private final Duration chunkDelay;

  /** One prepared reply: its tool calls have their arguments already written as JSON. */
  private record Reply(@Nullable String content, @Nullable String reasoning, List<PlannedCall> calls) {}

  private record PlannedCall(String name, String arguments) {}

  private record Rule(Pattern when, Reply reply) {}

  private ScriptedChatModel(String id, ModelSpec.Script script) {
    this.id = id;
    this.turns = script.turns() == null ? List.of()
        : script.turns().stream().map(t -> reply(t.content(), t.reasoning(), t.toolCalls())).toList();
    this.rules = script.rules() == null ? List.of()
        : script.rules().stream()
            .map(r -> new Rule(Pattern.compile(r.when()), reply(r.content(), r.reasoning(), r.toolCalls())))
            .toList();
    this.fallback = script.fallback() == null ? DEFAULT_FALLBACK : script.fallback();
    this.chunkSize = script.chunkSize() == null ? 20 : Math.max(1, script.chunkSize());
    this.chunkDelay = Duration.ofMillis(script.chunkDelayMs() == null ? 0 : script.chunkDelayMs());
  }

  /** The {@link dev.agentry.engine.llm.ChatModelFactory} of the {@code scripted} provider. */
  public static ChatModel create(ModelDef model, HttpClient http, Function<String, @Nullable String> env) {
    ModelSpec.Script script = model.spec() == null ? null : model.spec().script();
    return new ScriptedChatModel(model.modelId().isEmpty() ? "scripted" : model.modelId(),
        script == null ? new ModelSpec.Script(null, null, null, null, null) : script);
  }

  private static Reply reply(@Nullable String content, @Nullable String reasoning,
      @Nullable List<ModelSpec.ToolCall> calls) {
    List<PlannedCall> planned = calls == null ? List.of()
        : calls.stream()
            .map(c -> new PlannedCall(c.name(), c.arguments() == null ? "{}" : c.arguments().toString()))
            .toList();
    return new Reply(content, reasoning, planned);
  }

  @Override
  public String provider() {
    return "scripted";
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ChatResponse chat(ChatRequest request, StreamListener listener) {
    List<Message> messages = request.messages();
    int lastUser = lastUserIndex(messages);
    int callsThisRun = 0;
    String lastToolResult = null;
    for (int i = afterReasoning(messages, lastUser + 1); i < messages.size(); i++) {
      Message m = messages.get(i);
      if (m.role() == Role.ASSISTANT) {
        callsThisRun++;
      } else if (m.role() == Role.TOOL) {
        lastToolResult = m.content();
      }
    }
    String userText = lastUser < 0 ? "" : text(messages.get(lastUser));
    Reply reply = choose(userText, callsThisRun, lastToolResult);
    Placeholders placeholders = new Placeholders(userText, lastToolResult == null ? "" : lastToolResult,
        systemText(messages));
    List<ToolCall> calls = new ArrayList<>(reply.calls().size());
    for (int i = 0; i < reply.calls().size(); i++) {
      PlannedCall c = reply.calls().get(i);
      calls.add(new ToolCall("call_" + messages.size() + "_" + i, c.name(), placeholders.inJson(c.arguments())));
    }
    String content = reply.content() == null ? null : placeholders.in(reply.content());
    if (request.stream()) {
      stream(reply.reasoning(), listener::onReasoning, request);
      stream(content, listener::onContent, request);
    }
    long input = 0;
    for (Message m : messages) {
      input += m.content() == null ? 0 : m.content().length();
    }
    long output = (content == null ? 0 : content.length())
        + (reply.reasoning() == null ? 0 : reply.reasoning().length());
    return new ChatResponse(content, reply.reasoning(), calls, Usage.of((input + 3) / 4, (output + 3) / 4),
        calls.isEmpty() ? "stop" : "tool_calls", null);
  }

  private Reply choose(String userText, int callsThisRun, @Nullable String lastToolResult) {
    if (callsThisRun < turns.size()) {
      return turns.get(callsThisRun);
    }
    for (Rule rule : rules) {
      if (!rule.when().matcher(userText).find()) {
        continue;
      }
      Reply r = rule.reply();
      if (r.calls().isEmpty() || lastToolResult == null) {
        return r.calls().isEmpty() ? r : new Reply(null, r.reasoning(), r.calls());
      }
      return new Reply(r.content() == null ? "{tool_result}" : r.content(), null, List.of());
    }
    return new Reply(fallback, null, List.of());
  }

  /**
   * The values of {@code {input}}, {@code {tool_result}} and {@code {system:REGEX}} (the first group, else the whole
   * match, of REGEX's first match in the system message; empty when it does not match) for one model call.
   */
  private record Placeholders(String input, String toolResult, String system) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(input|tool_result|system:[^}]+)}");

    String in(String text) {
      return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(value(m.group(1))));
    }

    /** Fills the placeholders inside the JSON text of tool-call arguments, escaped so the JSON stays valid. */
    String inJson(String json) {
      return PLACEHOLDER.matcher(json).replaceAll(m -> Matcher.quoteReplacement(escaped(value(unescaped(m.group(1))))));
    }

    private String value(String name) {
      if (name.startsWith("system:")) {
        Matcher m = Pattern.compile(name.substring("system:".length())).matcher(system);
        return !m.find() ? "" : m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
      }
      return name.equals("input") ? input : toolResult;
    }

    /** A placeholder as written in the YAML, from the JSON text it was found in (a regex's backslashes). */
    private static String unescaped(String name) {
      return tools.jackson.databind.json.JsonMapper.shared().readValue("\"" + name + "\"", String.class);
    }

    private static String escaped(String value) {
      String quoted = JsonNodeFactory.instance.stringNode(value).toString();
      return quoted.substring(1, quoted.length() - 1);
    }
  }

  private void stream(@Nullable String text, java.util.function.Consumer<String> sink, ChatRequest request) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (int start = 0; start < text.length(); start += chunkSize) {
      if (start > 0 && request.cancellation().await(chunkDelay) || request.cancellation().isCancelled()) {
        throw ModelException.cancelled(provider());
      }
      sink.accept(text.substring(start, Math.min(text.length(), start + chunkSize)));
    }
  }

  /** Where the model's turns start: after the reasoning steps the run put before its first call, if any. */
  private static int afterReasoning(List<Message> messages, int first) {
    if (first >= messages.size() || !ReasoningNotes.BEFORE.equals(messages.get(first).content())) {
      return first;
    }
    for (int i = first + 1; i < messages.size(); i++) {
      if (ReasoningNotes.AFTER.equals(messages.get(i).content())) {
        return i + 1;
      }
    }
    return first;
  }

  private static int lastUserIndex(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.USER) {
        return i;
      }
    }
    return -1;
  }

  private static String systemText(List<Message> messages) {
    return messages.stream().filter(m -> m.role() == Role.SYSTEM).map(ScriptedChatModel::text).findFirst()
        .orElse("");
  }

  private static String text(Message message) {
    return message.content() == null ? "" : message.content();
  }
}
