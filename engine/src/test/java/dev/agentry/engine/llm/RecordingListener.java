package dev.agentry.engine.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A {@link StreamListener} that records every delta as "content:..." or "reasoning:...", in order. */
public final class RecordingListener implements StreamListener {
  private final List<String> deltas = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstDelta = new CountDownLatch(1);

  @Override
  public void onContent(String delta) {
    deltas.add("content:" + delta);
    firstDelta.countDown();
  }

  @Override
  public void onReasoning(String delta) {
    deltas.add("reasoning:" + delta);
    firstDelta.countDown();
  }

  public List<String> deltas() {
    return List.copyOf(deltas);
  }

  /** Only the content deltas, without their prefix. */
  public List<String> content() {
    return deltas.stream().filter(d -> d.startsWith("content:")).map(d -> d.substring(8)).toList();
  }

  /** Counted down at the first delta, for tests that act mid-stream from another thread. */
  public CountDownLatch firstDelta() {
    return firstDelta;
  }
}
