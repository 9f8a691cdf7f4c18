/**
 * The events of a run: the sealed {@link dev.agentry.engine.event.RunEvent} catalogue with Agno's wire names, the
 * objects they embed ({@link dev.agentry.engine.event.ToolExecution}, {@link dev.agentry.engine.event.Metrics}),
 * and their JSON form.
 *
 * <p>Does not belong here: SSE framing and buffering (the server's), deciding when an event is emitted (the run
 * loop's).
 */
@NullMarked
package dev.agentry.engine.event;

import org.jspecify.annotations.NullMarked;
