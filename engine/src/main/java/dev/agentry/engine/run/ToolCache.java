package dev.agentry.engine.run;

import dev.agentry.engine.tool.ToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The results of one open toolkit's successful calls ({@code cache_results}), by function and arguments, shared by
 * every run that uses the toolkit on any catalog (it lives as long as the open toolkit). Bounded: the least recently
 * used entry goes when {@link #MAX_ENTRIES} are held. Arguments are compared as JSON values (key order does not
 * matter). Thread-safe.
 */
final class ToolCache {
  /** How many results one toolkit keeps. */
  static final int MAX_ENTRIES = 1000;

  private final Map<Key, Kept> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private record Key(String function, JsonNode arguments) {}

  private record Kept(ToolResult result, long storedNanos) {}

  /** The result kept for this call if it is younger than {@code ttl}; null otherwise. */
  synchronized @Nullable ToolResult find(String function, JsonNode arguments, Duration ttl) {
    Key key = new Key(function, arguments);
    Kept entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (System.nanoTime() - entry.storedNanos() >= ttl.toNanos()) {
      entries.remove(key);
      return null;
    }
    return entry.result();
  }

  /** Keeps {@code result} of a successful call; arguments are copied, as a caller may change its own afterwards. */
  synchronized void put(String function, JsonNode arguments, ToolResult result) {
    entries.put(new Key(function, arguments.deepCopy()), new Kept(result, System.nanoTime()));
  }

  synchronized int size() {
    return entries.size();
  }
}
