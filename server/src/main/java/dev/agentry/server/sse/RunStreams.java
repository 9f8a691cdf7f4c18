package dev.agentry.server.sse;

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

  public Optional<RunStream> find(String runId) {
    return Optional.ofNullable(streams.get(runId));
  }

  /** Forgets a run's buffer once it has ended and nobody can resume it. */
  public void close(RunStream stream) {
    if (!stream.background()) {
      streams.remove(stream.runId(), stream);
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
