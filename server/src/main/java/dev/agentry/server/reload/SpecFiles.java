package dev.agentry.server.reload;

import dev.agentry.engine.spec.SpecTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the spec files under a root: the size, modification time and identity of every file the loader
 * reads ({@link SpecTree}: {@code *.yaml} and {@code *.yml}, hidden entries skipped, symlinks followed). Two
 * snapshots taken a settle window apart tell whether an edit is still going on, and which files it touched.
 */
record SpecFiles(Map<Path, Stamp> files) {
  /** What a file looked like: a rewrite that keeps the size still moves the modification time or the file key. */
  record Stamp(long size, long modifiedNanos, @Nullable Object fileKey) {}

  SpecFiles {
    files = Map.copyOf(files);
  }

  /** The files under {@code root} (a folder, or one spec file) as they are now; unreadable entries are left out. */
  static SpecFiles scan(Path root) {
    Map<Path, Stamp> files = new TreeMap<>();
    try {
      SpecTree.walk(root, (file, attrs) -> files.put(file.toAbsolutePath().normalize(),
          new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.fileKey())));
    } catch (IOException e) {
      // the root itself went away: an empty snapshot, and the compile says what is wrong
    }
    return new SpecFiles(files);
  }

  /** The files added, removed or rewritten since {@code before}, as absolute paths. */
  Set<Path> changedSince(SpecFiles before) {
    Set<Path> changed = new HashSet<>();
    files.forEach((path, stamp) -> {
      if (!Objects.equals(before.files.get(path), stamp)) {
        changed.add(path);
      }
    });
    before.files.keySet().stream().filter(path -> !files.containsKey(path)).forEach(changed::add);
    return Set.copyOf(changed);
  }

  /** The size of a file in this snapshot; -1 when it is not here (deleted). */
  long size(Path file) {
    Stamp stamp = files.get(file);
    return stamp == null ? -1 : stamp.size();
  }
}
