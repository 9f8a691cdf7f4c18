package dev.agentry.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run changed in its session_state, applied to the latest stored state: keys the run set or changed are
 * written, keys it removed are removed, and keys it left alone keep whatever another run wrote meanwhile. So
 * concurrent runs on one session never undo each other's updates (they conflict only on the same key, where the
 * last to end wins).
 */
final class StateDelta {
  private StateDelta() {}

  /** {@code latest} with the changes from {@code before} to {@code after} applied. */
  static Map<String, Object> apply(Map<String, Object> latest, Map<String, Object> before,
      Map<String, Object> after) {
    Map<String, Object> merged = new LinkedHashMap<>(latest);
    after.forEach((key, value) -> {
      if (!before.containsKey(key) || !Objects.equals(before.get(key), value)) {
        merged.put(key, value);
      }
    });
    before.keySet().forEach(key -> {
      if (!after.containsKey(key)) {
        merged.remove(key);
      }
    });
    return merged;
  }
}
