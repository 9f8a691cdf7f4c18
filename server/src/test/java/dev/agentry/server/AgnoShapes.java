package dev.agentry.server;

import static dev.agentry.server.AgnoShape.Type.ANY;
import static dev.agentry.server.AgnoShape.Type.ARRAY;
import static dev.agentry.server.AgnoShape.Type.BOOLEAN;
import static dev.agentry.server.AgnoShape.Type.INTEGER;
import static dev.agentry.server.AgnoShape.Type.NUMBER;
import static dev.agentry.server.AgnoShape.Type.OBJECT;
import static dev.agentry.server.AgnoShape.Type.STRING;
import static dev.agentry.server.AgnoShape.Type.TEXT_OR_LIST;
import static dev.agentry.server.AgnoShape.Type.TEXT_OR_OBJECT;
import static dev.agentry.server.AgnoShape.listOf;
import static dev.agentry.server.AgnoShape.mapOf;
import static dev.agentry.server.AgnoShape.of;
import static dev.agentry.server.AgnoShape.oneOf;
import static dev.agentry.server.AgnoShape.scalar;

/**
 * The run shapes of Agno's clients, written from Agno's source (not from Agentry's serializers): the dataclasses and
 * pydantic models that {@code AgentOSClient} parses responses into, with the fields their {@code to_dict} writes and
 * their {@code from_dict} reads. "required" means Agno always writes the field for an agent run; a dict that drops
 * None never holds null, a dataclass {@code asdict} writes every field, None included.
 */
final class AgnoShapes {
  private AgnoShapes() {}

  /** {@code metrics.py} {@code MessageMetrics} / {@code RunMetrics} / {@code ModelMetrics}: zero counts dropped. */
  private static AgnoShape tokens(String name) {
    return AgnoShape.named(name)
        .optional("input_tokens", scalar(INTEGER)).optional("output_tokens", scalar(INTEGER))
        .optional("total_tokens", scalar(INTEGER)).optional("audio_input_tokens", scalar(INTEGER))
        .optional("audio_output_tokens", scalar(INTEGER)).optional("audio_total_tokens", scalar(INTEGER))
        .optional("cache_read_tokens", scalar(INTEGER)).optional("cache_write_tokens", scalar(INTEGER))
        .optional("reasoning_tokens", scalar(INTEGER)).optional("cost", scalar(NUMBER));
  }

  static final AgnoShape MESSAGE_METRICS = tokens("MessageMetrics")
      .optional("duration", scalar(NUMBER)).optional("time_to_first_token", scalar(NUMBER))
      .optional("provider_metrics", scalar(OBJECT));

  static final AgnoShape MODEL_METRICS = tokens("ModelMetrics")
      .required("id", scalar(STRING)).required("provider", scalar(STRING)).optional("provider_metrics", scalar(OBJECT));

  static final AgnoShape RUN_METRICS = tokens("RunMetrics")
      .optional("time_to_first_token", scalar(NUMBER)).optional("duration", scalar(NUMBER))
      .optional("details", mapOf(listOf(of(MODEL_METRICS)))).optional("additional_metrics", scalar(OBJECT));

  /** A tool call in {@code Message.tool_calls}: OpenAI's function call, arguments as JSON text. */
  static final AgnoShape TOOL_CALL = AgnoShape.named("tool call")
      .required("id", scalar(STRING)).required("type", oneOf("function"))
      .required("function", of(AgnoShape.named("function")
          .required("name", scalar(STRING)).required("arguments", scalar(STRING))));

  /** {@code models/message.py} {@code Message.to_dict()}: None and empty lists dropped, roles in lower case. */
  static final AgnoShape MESSAGE = AgnoShape.named("Message")
      .required("id", scalar(STRING)).optional("content", scalar(TEXT_OR_LIST))
      .optional("reasoning_content", scalar(STRING)).required("from_history", scalar(BOOLEAN))
      .optional("compressed_content", scalar(STRING)).required("stop_after_tool_call", scalar(BOOLEAN))
      .required("role", oneOf("system", "user", "assistant", "tool")).optional("name", scalar(STRING))
      .optional("tool_call_id", scalar(STRING)).optional("tool_name", scalar(STRING))
      .optional("tool_args", scalar(ANY)).optional("tool_call_error", scalar(BOOLEAN))
      .optional("tool_calls", listOf(of(TOOL_CALL))).optional("redacted_reasoning_content", scalar(STRING))
      .optional("provider_data", scalar(OBJECT)).optional("checkpoint_status", scalar(STRING))
      .optional("checkpoint_created_at", scalar(INTEGER)).optional("images", scalar(ARRAY))
      .optional("audio", scalar(ARRAY)).optional("videos", scalar(ARRAY)).optional("files", scalar(ARRAY))
      .optional("audio_output", scalar(OBJECT)).optional("references", scalar(OBJECT))
      .optional("metrics", of(MESSAGE_METRICS)).required("created_at", scalar(INTEGER));

  /** {@code tools/function.py} {@code UserInputField.to_dict()}: every key written ({@code from_dict} indexes them). */
  static final AgnoShape USER_INPUT_FIELD = AgnoShape.named("UserInputField")
      .required("name", scalar(STRING)).required("field_type", scalar(STRING))
      .nullable("description", scalar(STRING)).nullable("value", scalar(ANY));

  /** {@code models/response.py} {@code ToolExecution.to_dict()}: {@code asdict}, so every field, None included. */
  static final AgnoShape TOOL_EXECUTION = AgnoShape.named("ToolExecution")
      .nullable("tool_call_id", scalar(STRING)).nullable("tool_name", scalar(STRING))
      .nullable("tool_args", scalar(OBJECT)).nullable("tool_call_error", scalar(BOOLEAN))
      .nullable("result", scalar(STRING))
      .nullable("metrics", of(AgnoShape.named("ToolCallMetrics").optional("start_time", scalar(NUMBER))
          .optional("end_time", scalar(NUMBER)).optional("duration", scalar(NUMBER))))
      .nullable("child_run_id", scalar(STRING)).required("stop_after_tool_call", scalar(BOOLEAN))
      .required("created_at", scalar(INTEGER)).nullable("requires_confirmation", scalar(BOOLEAN))
      .nullable("confirmed", scalar(BOOLEAN)).nullable("confirmation_note", scalar(STRING))
      .nullable("requires_user_input", scalar(BOOLEAN)).nullable("user_input_schema", listOf(of(USER_INPUT_FIELD)))
      .nullable("user_feedback_schema", scalar(ARRAY)).nullable("answered", scalar(BOOLEAN))
      .nullable("external_execution_required", scalar(BOOLEAN)).nullable("external_execution_silent", scalar(BOOLEAN))
      .nullable("approval_type", scalar(STRING)).nullable("approval_id", scalar(STRING));

  /** {@code run/requirement.py} {@code RunRequirement.to_dict()}: None dropped, {@code created_at} ISO-8601. */
  static final AgnoShape RUN_REQUIREMENT = AgnoShape.named("RunRequirement")
      .required("id", scalar(STRING)).required("created_at", scalar(STRING))
      .optional("confirmation", scalar(BOOLEAN)).optional("confirmation_note", scalar(STRING))
      .optional("external_execution_result", scalar(STRING)).optional("member_agent_id", scalar(STRING))
      .optional("member_agent_name", scalar(STRING)).optional("member_run_id", scalar(STRING))
      .required("tool_execution", of(TOOL_EXECUTION)).optional("user_input_schema", listOf(of(USER_INPUT_FIELD)))
      .optional("user_feedback_schema", scalar(ARRAY));

  /** {@code run/agent.py} {@code BaseAgentRunEvent}: the envelope every stored event has (its own fields vary). */
  static final AgnoShape EVENT = AgnoShape.named("agent run event")
      .required("created_at", scalar(INTEGER)).required("event", scalar(STRING))
      .required("agent_id", scalar(STRING)).required("agent_name", scalar(STRING))
      .required("run_id", scalar(STRING)).optional("parent_run_id", scalar(STRING))
      .required("session_id", scalar(STRING)).required("nested_depth", scalar(INTEGER)).open();

  /** {@code run/team.py} {@code BaseTeamRunEvent}: a team's own events, named with the {@code Team} prefix. */
  static final AgnoShape TEAM_EVENT = AgnoShape.named("team run event")
      .required("created_at", scalar(INTEGER)).required("event", scalar(STRING))
      .required("team_id", scalar(STRING)).required("team_name", scalar(STRING))
      .required("run_id", scalar(STRING)).optional("parent_run_id", scalar(STRING))
      .required("session_id", scalar(STRING)).required("nested_depth", scalar(INTEGER)).open();

  /**
   * {@code knowledge/document/base.py} {@code Document.to_dict()}: {@code name} and {@code meta_data} (left out when
   * None) and {@code content}. Agent UI keys its references by {@code meta_data.chunk}, so an Agentry reference always
   * has its {@code meta_data}.
   */
  static final AgnoShape DOCUMENT = AgnoShape.named("Document")
      .optional("name", scalar(STRING)).required("meta_data", scalar(OBJECT)).required("content", scalar(STRING));

  /** {@code models/message.py} {@code MessageReferences} (pydantic): what one knowledge search found. */
  static final AgnoShape MESSAGE_REFERENCES = AgnoShape.named("MessageReferences")
      .required("query", scalar(STRING)).maybe("references", listOf(of(DOCUMENT))).maybe("time", scalar(NUMBER));

  /** {@code run/agent.py} {@code RunInput.to_dict()} (a team's {@code TeamRunInput} has the same fields). */
  static final AgnoShape RUN_INPUT = AgnoShape.named("RunInput")
      .required("input_content", scalar(ANY)).optional("images", scalar(ARRAY)).optional("videos", scalar(ARRAY))
      .optional("audios", scalar(ARRAY)).optional("files", scalar(ARRAY));

  /** The fields an agent's {@code RunOutput} and a team's {@code TeamRunOutput} share ({@code to_dict}). */
  private static AgnoShape output(String name) {
    return AgnoShape.named(name)
        .required("run_id", scalar(STRING)).required("session_id", scalar(STRING))
        .optional("parent_run_id", scalar(STRING)).optional("workflow_id", scalar(STRING))
        .optional("user_id", scalar(STRING)).required("input", of(RUN_INPUT)).optional("content", scalar(ANY))
        .required("content_type", scalar(STRING)).optional("reasoning_content", scalar(STRING))
        .optional("reasoning_steps", scalar(ARRAY)).optional("reasoning_messages", listOf(of(MESSAGE)))
        .optional("model_provider_data", scalar(OBJECT)).required("model", scalar(STRING))
        .required("model_provider", scalar(STRING)).required("messages", listOf(of(MESSAGE)))
        .required("metrics", of(RUN_METRICS)).optional("additional_input", listOf(of(MESSAGE)))
        .required("tools", listOf(of(TOOL_EXECUTION))).optional("images", scalar(ARRAY))
        .optional("videos", scalar(ARRAY)).optional("audio", scalar(ARRAY)).optional("files", scalar(ARRAY))
        .optional("response_audio", scalar(OBJECT)).optional("citations", scalar(OBJECT))
        .optional("references", listOf(of(MESSAGE_REFERENCES))).optional("followups", listOf(scalar(STRING)))
        .optional("metadata", scalar(OBJECT)).required("session_state", scalar(OBJECT))
        .required("created_at", scalar(INTEGER))
        .required("status", oneOf("PENDING", "RUNNING", "COMPLETED", "PAUSED", "CANCELLED", "ERROR"))
        .optional("requirements", listOf(of(RUN_REQUIREMENT)))
        .optional("last_checkpoint_at_message_index", scalar(INTEGER)).optional("forked_from_run_id", scalar(STRING))
        .optional("forked_from_message_index", scalar(INTEGER)).optional("forked_from_session_id", scalar(STRING))
        .optional("regenerated_from", scalar(STRING)).optional("workflow_step_id", scalar(STRING));
  }

  /** {@code run/agent.py} {@code RunOutput.to_dict()} / {@code from_dict}: None dropped, status as its value. */
  static final AgnoShape RUN_OUTPUT = output("RunOutput")
      .required("agent_id", scalar(STRING)).required("agent_name", scalar(STRING))
      .optional("events", listOf(of(EVENT)));

  /**
   * {@code run/team.py} {@code TeamRunOutput.to_dict()}: the team's ids instead of an agent's, and its members' runs
   * ({@code from_dict} reads a member's dict with {@code agent_id} as a {@code RunOutput}; the members here are
   * agents). Its stored events mix the team's and its members'.
   */
  static final AgnoShape TEAM_RUN_OUTPUT = output("TeamRunOutput")
      .required("team_id", scalar(STRING)).required("team_name", scalar(STRING))
      .optional("member_responses", listOf(of(RUN_OUTPUT))).optional("events", scalar(ARRAY));

  /** {@code os/schema.py} {@code RunSchema} (pydantic; every field but {@code run_id} Optional). */
  static final AgnoShape RUN_SCHEMA = AgnoShape.named("RunSchema")
      .required("run_id", scalar(STRING)).maybe("parent_run_id", scalar(STRING)).maybe("agent_id", scalar(STRING))
      .maybe("user_id", scalar(STRING)).maybe("status", scalar(STRING)).maybe("run_input", scalar(STRING))
      .maybe("content", scalar(TEXT_OR_OBJECT)).maybe("run_response_format", oneOf("text", "json"))
      .maybe("reasoning_content", scalar(STRING)).maybe("reasoning_steps", scalar(ARRAY))
      .maybe("metrics", of(RUN_METRICS)).maybe("messages", listOf(of(MESSAGE)))
      .maybe("tools", listOf(of(TOOL_EXECUTION))).maybe("events", listOf(of(EVENT)))
      .maybe("created_at", scalar(STRING)).maybe("references", listOf(of(MESSAGE_REFERENCES))).maybe("citations", scalar(OBJECT))
      .maybe("reasoning_messages", scalar(ARRAY)).maybe("session_state", scalar(OBJECT))
      .maybe("images", scalar(ARRAY)).maybe("videos", scalar(ARRAY)).maybe("audio", scalar(ARRAY))
      .maybe("files", scalar(ARRAY)).maybe("response_audio", scalar(OBJECT)).maybe("input_media", scalar(OBJECT))
      .maybe("followups", listOf(scalar(STRING))).maybe("forked_from_run_id", scalar(STRING))
      .maybe("forked_from_message_index", scalar(INTEGER)).maybe("forked_from_session_id", scalar(STRING))
      .maybe("regenerated_from", scalar(STRING)).maybe("last_checkpoint_at_message_index", scalar(INTEGER));
}
