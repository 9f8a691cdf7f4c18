package dev.agentry.server.sse;

import dev.agentry.engine.event.RunStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event buffers of this server's runs, by run id: runs in flight, and background runs for a while after they end
 * so that {@code /resume} can replay them ({@code agentos-api.md} §3.7: dropped 1,800 s after finishing).
 */
public final class RunStreams {
  /** How long a finished background run stays replayable from memory. */
  public static final Duration RETENTION = Duration.ofSeconds(1800);

  private final Map<String, RunStream> streams = new ConcurrentHashMap<>();
  private volatile long lastSweep = System.currentTimeMillis();

  /** A new buffer for the run {@code runId}. */
  public RunStream open(String runId, boolean background) {
    sweep();
    RunStream stream = new RunStream(runId, background);
    streams.put(runId, stream);
    return stream;
  }

  /**
   * A buffer for the continuation of the paused run {@code runId}: it replaces the run's earlier buffer and numbers
   * its events on from it ({@code agentos-api.md} §3.7), or from 0 when none is held. Empty when the run's buffer is
   * still live, that is when the run is already being continued.
   */
  public Optional<RunStream> reopen(String runId, boolean background) {
    sweep();
    RunStream[] opened = new RunStream[1];
    streams.compute(runId, (id, old) -> {
      if (old != null && old.endStatus() == null) {
        return old;
      }
      opened[0] = old == null ? new RunStream(runId, background) : new RunStream(old, background);
      return opened[0];
    });
    return Optional.ofNullable(opened[0]);
  }

  public Optional<RunStream> find(String runId) {
    return Optional.ofNullable(streams.get(runId));
  }

  /** Forgets a run's buffer once it has ended and nobody can resume it. */
  public void close(RunStream stream) {
    if (!stream.background()) {
      streams.remove(stream.runId(), stream);
    }
  }

  /**
   * Ends and forgets the buffer of a run that did not start (refused, or its first write failed), background or not:
   * nobody can follow it. A refused continuation gives its place back to the paused run's earlier buffer.
   */
  public void abandon(RunStream stream) {
    RunStream previous = stream.previous();
    stream.end(RunStatus.ERROR);
    if (previous == null) {
      streams.remove(stream.runId(), stream);
    } else {
      streams.replace(stream.runId(), stream, previous);
    }
  }

  /** The number of buffers held (runs in flight plus retained background runs). */
  public int size() {
    return streams.size();
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    if (now - lastSweep < 60_000) {
      return;
    }
    lastSweep = now;
    long cutoff = now - RETENTION.toMillis();
    streams.values().removeIf(s -> s.endedAtMillis() < cutoff);
  }
}
