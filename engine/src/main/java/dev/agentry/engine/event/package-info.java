/**
 * The events of a run: the sealed {@link dev.agentry.engine.event.RunEvent} catalogue with Agno's wire names (the
 * workflow family in {@link dev.agentry.engine.event.WorkflowEvent}), the objects they embed
 * ({@link dev.agentry.engine.event.ToolExecution}, {@link dev.agentry.engine.event.Metrics}, a workflow's
 * {@link dev.agentry.engine.event.StepResult}, {@link dev.agentry.engine.event.StepRequirement}, ...), and their JSON
 * form.
 *
 * <p>Does not belong here: SSE framing and buffering (the server's), deciding when an event is emitted (the run
 * loop's).
 */
@NullMarked
package dev.agentry.engine.event;

import org.jspecify.annotations.NullMarked;
