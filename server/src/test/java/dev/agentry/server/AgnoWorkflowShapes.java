package dev.agentry.server;

import static dev.agentry.server.AgnoShape.Type.ANY;
import static dev.agentry.server.AgnoShape.Type.ARRAY;
import static dev.agentry.server.AgnoShape.Type.BOOLEAN;
import static dev.agentry.server.AgnoShape.Type.INTEGER;
import static dev.agentry.server.AgnoShape.Type.NUMBER;
import static dev.agentry.server.AgnoShape.Type.OBJECT;
import static dev.agentry.server.AgnoShape.Type.STRING;
import static dev.agentry.server.AgnoShape.Type.TEXT_OR_OBJECT;
import static dev.agentry.server.AgnoShape.listOf;
import static dev.agentry.server.AgnoShape.mapOf;
import static dev.agentry.server.AgnoShape.of;
import static dev.agentry.server.AgnoShape.oneOf;
import static dev.agentry.server.AgnoShape.scalar;

/**
 * Agno's workflow run shapes, written from {@code run/workflow.py} ({@code WorkflowRunOutput.to_dict}),
 * {@code workflow/types.py} ({@code StepOutput.to_dict}, {@code StepRequirement.to_dict}, {@code WorkflowMetrics})
 * and {@code os/schema.py} ({@code WorkflowRunSchema}), as {@link AgnoShapes} does for agents and teams.
 */
final class AgnoWorkflowShapes {
  private AgnoWorkflowShapes() {}

  /** {@code StepOutput.to_dict()}: every key written, None included; {@code steps} only for a group. */
  static final AgnoShape STEP_OUTPUT = AgnoShape.named("StepOutput")
      .nullable("content", scalar(ANY)).nullable("step_name", scalar(STRING)).nullable("step_id", scalar(STRING))
      .nullable("step_type", scalar(STRING)).nullable("executor_type", scalar(STRING))
      .nullable("executor_name", scalar(STRING)).nullable("step_run_id", scalar(STRING))
      .maybe("images", scalar(ARRAY)).maybe("videos", scalar(ARRAY)).maybe("audio", scalar(ARRAY))
      .maybe("files", scalar(ARRAY)).nullable("metrics", scalar(OBJECT)).required("success", scalar(BOOLEAN))
      .nullable("error", scalar(STRING)).required("stop", scalar(BOOLEAN)).required("is_paused", scalar(BOOLEAN))
      .optional("steps", scalar(ARRAY));

  /** {@code StepRequirement.to_dict()} ({@code agentos-api.md} §3.5); the executor fields only for an executor pause. */
  static final AgnoShape STEP_REQUIREMENT = AgnoShape.named("StepRequirement")
      .required("step_id", scalar(STRING)).nullable("step_name", scalar(STRING))
      .nullable("step_index", scalar(INTEGER)).nullable("step_type", scalar(STRING))
      .required("requires_confirmation", scalar(BOOLEAN)).nullable("confirmation_message", scalar(STRING))
      .nullable("confirmed", scalar(BOOLEAN)).required("on_reject", scalar(STRING))
      .required("requires_user_input", scalar(BOOLEAN)).nullable("user_input_message", scalar(STRING))
      .nullable("user_input", scalar(OBJECT)).required("requires_route_selection", scalar(BOOLEAN))
      .nullable("available_choices", listOf(scalar(STRING))).required("allow_multiple_selections", scalar(BOOLEAN))
      .nullable("selected_choices", listOf(scalar(STRING))).required("requires_output_review", scalar(BOOLEAN))
      .nullable("output_review_message", scalar(STRING)).required("is_post_execution", scalar(BOOLEAN))
      .nullable("rejection_feedback", scalar(STRING)).required("retry_count", scalar(INTEGER))
      .nullable("max_retries", scalar(INTEGER)).nullable("timeout_at", scalar(STRING))
      .required("on_timeout", scalar(STRING)).optional("user_input_schema", scalar(ARRAY))
      .optional("step_input", scalar(OBJECT)).optional("requires_executor_input", scalar(BOOLEAN))
      .optional("executor_requirements", scalar(ARRAY)).optional("executor_id", scalar(STRING))
      .optional("executor_name", scalar(STRING)).optional("executor_run_id", scalar(STRING))
      .optional("executor_type", scalar(STRING)).optional("executor_session_id", scalar(STRING))
      .optional("step_output", of(STEP_OUTPUT)).optional("edited_output", scalar(ANY));

  /** {@code WorkflowMetrics.to_dict()}: {@code StepMetrics} by step name, and the run's duration. */
  static final AgnoShape WORKFLOW_METRICS = AgnoShape.named("WorkflowMetrics")
      .required("steps", mapOf(of(AgnoShape.named("StepMetrics").required("step_name", scalar(STRING))
          .required("executor_type", oneOf("agent", "team", "workflow")).required("executor_name", scalar(STRING))
          .nullable("metrics", scalar(OBJECT)))))
      .nullable("duration", scalar(NUMBER));

  /** {@code WorkflowRunOutput.to_dict()}: None dropped, status and pause_kind as their values. */
  static final AgnoShape WORKFLOW_RUN_OUTPUT = AgnoShape.named("WorkflowRunOutput")
      .optional("input", scalar(ANY)).optional("content", scalar(ANY)).required("content_type", scalar(STRING))
      .required("workflow_id", scalar(STRING)).required("workflow_name", scalar(STRING))
      .required("run_id", scalar(STRING)).required("session_id", scalar(STRING))
      .optional("user_id", scalar(STRING)).optional("parent_run_id", scalar(STRING))
      .optional("workflow_step_id", scalar(STRING)).optional("images", scalar(ARRAY))
      .optional("videos", scalar(ARRAY)).optional("audio", scalar(ARRAY)).optional("files", scalar(ARRAY))
      .optional("response_audio", scalar(OBJECT)).optional("step_results", listOf(of(STEP_OUTPUT)))
      .optional("step_executor_runs", listOf(scalar(OBJECT))).optional("workflow_agent_run", scalar(OBJECT))
      .optional("events", listOf(scalar(OBJECT))).optional("metrics", of(WORKFLOW_METRICS))
      .optional("metadata", scalar(OBJECT)).required("created_at", scalar(INTEGER))
      .required("status", oneOf("PENDING", "RUNNING", "COMPLETED", "PAUSED", "CANCELLED", "ERROR"))
      .optional("step_requirements", listOf(of(STEP_REQUIREMENT))).optional("error_requirements", scalar(ARRAY))
      .optional("paused_step_index", scalar(INTEGER)).optional("paused_step_name", scalar(STRING))
      .optional("pause_kind", oneOf("step", "executor"));

  /** {@code os/schema.py} {@code WorkflowRunSchema} (pydantic; every field but {@code run_id} Optional). */
  static final AgnoShape WORKFLOW_RUN_SCHEMA = AgnoShape.named("WorkflowRunSchema")
      .required("run_id", scalar(STRING)).maybe("run_input", scalar(STRING)).maybe("events", scalar(ARRAY))
      .maybe("workflow_id", scalar(STRING)).maybe("user_id", scalar(STRING))
      .maybe("content", scalar(TEXT_OR_OBJECT)).maybe("content_type", scalar(STRING))
      .maybe("status", scalar(STRING)).maybe("step_results", listOf(of(STEP_OUTPUT)))
      .maybe("step_executor_runs", listOf(scalar(OBJECT))).maybe("step_requirements", listOf(of(STEP_REQUIREMENT)))
      .maybe("pause_kind", scalar(STRING)).maybe("paused_step_name", scalar(STRING))
      .maybe("paused_step_index", scalar(INTEGER)).maybe("metrics", of(WORKFLOW_METRICS))
      .maybe("created_at", scalar(STRING)).maybe("reasoning_content", scalar(STRING))
      .maybe("reasoning_steps", scalar(ARRAY)).maybe("references", scalar(ARRAY))
      .maybe("citations", scalar(OBJECT)).maybe("reasoning_messages", scalar(ARRAY))
      .maybe("images", scalar(ARRAY)).maybe("videos", scalar(ARRAY)).maybe("audio", scalar(ARRAY))
      .maybe("files", scalar(ARRAY)).maybe("response_audio", scalar(OBJECT));
}
