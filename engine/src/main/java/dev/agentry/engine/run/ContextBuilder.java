package dev.agentry.engine.run;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.ContextSettings;
import dev.agentry.engine.model.HistorySettings;
import dev.agentry.engine.model.MessageSettings;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds what the model reads, as Agno's {@code Agent} does: the system message (description, role, instructions,
 * additional information, toolkit instructions, expected output, additional context, session state), the extra
 * input messages, the history of earlier runs, and the user message.
 *
 * <p>Implements the context fields of {@code schemas/agent.schema.json}: {@code system_message},
 * {@code description}, {@code instructions}, {@code expected_output}, {@code additional_context},
 * {@code markdown}, {@code add_name_to_context}, {@code add_datetime_to_context}, {@code timezone_identifier},
 * {@code role}, {@code resolve_in_context}, {@code add_session_state_to_context},
 * {@code add_dependencies_to_context}, {@code additional_input}, {@code add_history_to_context},
 * {@code num_history_runs}, {@code num_history_messages}, {@code max_tool_calls_from_history},
 * {@code add_session_summary_to_context}, and of {@link MessageSettings}: {@code system_message_role},
 * {@code user_message_role}, {@code build_user_context}, {@code add_location_to_context}.
 */
final class ContextBuilder {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  private ContextBuilder() {}

  /** The values {@code {key}} placeholders read, in lookup order. */
  record Vars(@Nullable String userId, Map<String, Object> sessionState, Map<String, Object> dependencies,
      Map<String, Object> metadata) {
    String resolve(String text, boolean enabled) {
      return enabled ? Templates.resolve(text, userId, sessionState, dependencies, metadata) : text;
    }
  }

  /**
   * The system message, or null when the agent has nothing to say in one.
   *
   * @param memories the user's memories section ({@link MemoryContext}), null when they are not in the context
   * @param sessionSummary the session's summary, to add as Agno does ({@code add_session_summary_to_context}); null
   *     for none
   * @param knowledge the {@code <knowledge_base>} section ({@link KnowledgeRag#systemSection}); null for none
   */
  static @Nullable String systemMessage(ContextSettings spec, MessageSettings messages, String name,
      List<String> toolInstructions, Vars vars, ZonedDateTime now, @Nullable String memories,
      @Nullable String sessionSummary, @Nullable String knowledge) {
    boolean resolve = spec.resolveInContext();
    if (spec.systemMessage() != null) {
      return vars.resolve(spec.systemMessage(), resolve);
    }
    if (!spec.buildContext()) {
      return null;
    }
    StringBuilder out = new StringBuilder(256);
    if (spec.description() != null) {
      out.append(vars.resolve(spec.description(), resolve)).append("\n\n");
    }
    if (spec.role() != null) {
      out.append("<your_role>\n").append(vars.resolve(spec.role(), resolve)).append("\n</your_role>\n\n");
    }
    if (!spec.instructions().isEmpty()) {
      out.append("<instructions>\n");
      for (String line : spec.instructions()) {
        out.append(spec.instructions().size() > 1 ? "- " : "").append(vars.resolve(line, resolve)).append('\n');
      }
      out.append("</instructions>\n\n");
    }
    List<String> info = new ArrayList<>(3);
    if (spec.markdown()) {
      info.add("Use markdown to format your answers.");
    }
    if (spec.addDatetimeToContext()) {
      ZoneId zone = spec.timezone() == null ? now.getZone() : ZoneId.of(spec.timezone());
      info.add("The current time is " + DATE_TIME.format(now.withZoneSameInstant(zone)) + ".");
    }
    locationLine(messages).ifPresent(info::add);
    if (spec.addNameToContext()) {
      info.add("Your name is: " + name + ".");
    }
    if (!info.isEmpty()) {
      out.append("<additional_information>\n");
      info.forEach(line -> out.append("- ").append(line).append('\n'));
      out.append("</additional_information>\n\n");
    }
    toolInstructions.forEach(text -> out.append(text).append("\n\n"));
    if (spec.expectedOutput() != null) {
      out.append("<expected_output>\n").append(vars.resolve(spec.expectedOutput(), resolve))
          .append("\n</expected_output>\n\n");
    }
    if (spec.additionalContext() != null) {
      out.append(vars.resolve(spec.additionalContext(), resolve)).append("\n\n");
    }
    if (memories != null) {
      out.append(memories).append("\n\n");
    }
    if (sessionSummary != null) {
      out.append("Here is a brief summary of your previous interactions:\n\n<summary_of_previous_interactions>\n")
          .append(sessionSummary).append("\n</summary_of_previous_interactions>\n\n")
          .append("Note: this information is from previous interactions and may be outdated. You should ALWAYS "
              + "prefer information from this conversation over the past summary.\n\n");
    }
    if (knowledge != null) {
      out.append(knowledge).append("\n\n");
    }
    if (spec.addSessionStateToContext()) {
      out.append("<session_state>\n").append(EventJson.MAPPER.writeValueAsString(vars.sessionState()))
          .append("\n</session_state>\n\n");
    }
    return out.isEmpty() ? null : out.toString().strip();
  }

  /** Agno's location line, from the configured location ({@code add_location_to_context}); nothing is looked up. */
  static Optional<String> locationLine(MessageSettings messages) {
    return Optional.ofNullable(messages.location()).map(place -> "Your approximate location is: " + place + ".");
  }

  /** The system message as sent, with the participant's {@code system_message_role}. */
  static Message systemMessage(MessageSettings messages, String content) {
    return Message.system(content).withRole(Role.of(messages.systemRole()));
  }

  /** The {@code additional_input} messages, placed after the system message. */
  static List<Message> additionalInput(ContextSettings spec) {
    List<Message> messages = new ArrayList<>();
    for (JsonNode item : spec.additionalInput()) {
      if (item.isString()) {
        messages.add(Message.user(item.stringValue()));
      } else {
        Role role = Role.of(item.path("role").asString("user"));
        String content = item.path("content").isString() ? item.path("content").stringValue()
            : item.path("content").toString();
        messages.add(new Message(role, content, null, List.of(), null, null, false));
      }
    }
    return messages;
  }

  /**
   * The user message, with the participant's {@code user_message_role}: the input with the user context added (unless
   * {@code build_user_context} is off: then the input as it is), and the media sent with it.
   *
   * @param references the knowledge references to append, as Agno words them (classic RAG); null for none
   */
  static Message userMessage(ContextSettings spec, MessageSettings messages, String input, Vars vars,
      List<Media> media, @Nullable String references) {
    String text = messages.buildUserContext() ? withUserContext(spec, input + (references == null ? "" : references),
        vars) : input;
    return Message.user(text, media).withRole(Role.of(messages.userRole()));
  }

  /** The input with the dependencies appended when the agent adds them to the context. */
  private static String withUserContext(ContextSettings spec, String input, Vars vars) {
    String text = input;
    if (spec.addDependenciesToContext() && !vars.dependencies().isEmpty()) {
      text = input + "\n\n<additional context>\n" + EventJson.MAPPER.writeValueAsString(vars.dependencies())
          + "\n</additional context>";
    }
    return text;
  }

  /**
   * The messages of earlier runs to replay, oldest first: the last {@code num_history_runs} completed runs (or the
   * last {@code num_history_messages} messages), without their system messages, keeping only the last
   * {@code max_tool_calls_from_history} tool calls.
   */
  static List<Message> history(HistorySettings spec, List<RunOutput> runs) {
    if (!spec.enabled() || runs.isEmpty()) {
      return List.of();
    }
    List<RunOutput> completed = runs.stream()
        .filter(r -> r.status() == RunStatus.COMPLETED).toList();
    int runCount = spec.numMessages() != null ? completed.size() : spec.numRuns();
    List<Message> messages = new ArrayList<>();
    for (RunOutput run : completed.subList(Math.max(0, completed.size() - runCount), completed.size())) {
      for (RunMessage m : run.messages()) {
        if (!m.fromHistory() && m.message().role() != Role.SYSTEM && m.message().role() != Role.DEVELOPER) {
          messages.add(m.forModel()); // a compressed tool result is replayed in its short form, as Agno does
        }
      }
    }
    if (spec.numMessages() != null && messages.size() > spec.numMessages()) {
      messages = new ArrayList<>(messages.subList(messages.size() - spec.numMessages(), messages.size()));
      while (!messages.isEmpty() && messages.getFirst().role() == Role.TOOL) {
        messages.removeFirst(); // a tool result without the call that asked for it confuses every provider
      }
    }
    return spec.maxToolCallsFromHistory() == null ? messages : keepLastToolCalls(messages,
        spec.maxToolCallsFromHistory());
  }

  private static List<Message> keepLastToolCalls(List<Message> messages, int keep) {
    Set<String> kept = new HashSet<>();
    for (int i = messages.size() - 1; i >= 0 && kept.size() < keep; i--) {
      Message m = messages.get(i);
      if (m.role() == Role.TOOL && m.toolCallId() != null) {
        kept.add(m.toolCallId());
      }
    }
    List<Message> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      if (m.role() == Role.TOOL) {
        if (kept.contains(m.toolCallId())) {
          out.add(m);
        }
      } else if (m.role() == Role.ASSISTANT && !m.toolCalls().isEmpty()) {
        List<ToolCall> calls = m.toolCalls().stream().filter(c -> kept.contains(c.id())).toList();
        if (!calls.isEmpty() || m.content() != null) {
          out.add(new Message(m.role(), m.content(), m.reasoningContent(), calls, null, null, false));
        }
      } else {
        out.add(m);
      }
    }
    return out;
  }
}
