package dev.agentry.server.sse;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.run.RunOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST .../runs/{run_id}/resume} ({@code agentos-api.md} §3.7): replays what a client missed after
 * {@code last_event_index}, then follows the live run; a finished run is replayed from the buffer, or from the store
 * once the buffer has forgotten it.
 */
public final class Resume {
  private Resume() {}

  /**
   * The run is (or was recently) buffered here: catch up and follow it, or replay it if it has ended.
   *
   * @param component what runs, as the {@code subscribed} message names it: "agent" or "team"
   */
  public static void fromBuffer(SseWriter out, RunStream stream, String runId, long from, @Nullable Integer last,
      String component) throws IOException {
    RunStream.Batch missed;
    try {
      missed = stream.await(from, Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    long total = from + missed.events().size();
    if (missed.ended() != null) {
      String status = missed.ended().name();
      out.meta("replay", fields("run_id", runId, "status", status, "total_events", missed.events().size(),
          "total_buffered", total, "last_event_index_requested", last == null ? -1 : last,
          "message", "Run " + status + ". Replaying " + missed.events().size() + " missed events (of " + total
              + " total)."));
      write(out, missed.events(), from);
      return;
    }
    if (!missed.events().isEmpty()) {
      out.meta("catch_up", fields("run_id", runId, "status", "running", "missed_events", missed.events().size(),
          "current_event_count", total, "message", "Catching up on " + missed.events().size() + " missed events."));
      write(out, missed.events(), from);
    }
    out.meta("subscribed", fields("run_id", runId, "status", "running", "current_event_count", total,
        "message", "Subscribed to " + component + " run. Receiving live events."));
    out.copy(stream, total, true);
  }

  /** The run is not buffered: replay its stored events, or say it is unknown. */
  public static void fromStore(SseWriter out, @Nullable RunOutput run, String runId) throws IOException {
    if (run == null) {
      out.meta("error", fields("error", "Run " + runId + " not found in buffer or database"));
      return;
    }
    List<RunEvent> events = run.events() == null ? List.of() : run.events();
    out.meta("replay", fields("run_id", runId, "status", run.status() == RunStatus.RUNNING ? "RUNNING"
        : run.status().name(), "total_events", events.size(), "total_buffered", events.size(),
        "last_event_index_requested", -1, "message", "Run completed. Replaying all events from database."));
    write(out, events, 0);
  }

  private static void write(SseWriter out, List<RunEvent> events, long first) throws IOException {
    long index = first;
    for (RunEvent event : events) {
      out.write(event, index++);
    }
    out.flush();
  }

  private static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }
}
