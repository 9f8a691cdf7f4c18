package dev.agentry.server.reload;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the spec files under a root: the size, modification time and identity of every file the loader
 * would read ({@code *.yaml} and {@code *.yml}, hidden entries skipped, symlinks followed). Two snapshots taken a
 * settle window apart tell whether an edit is still going on, and which files it touched.
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
      Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && (file.equals(root) || specFile(file))) {
            files.put(file.toAbsolutePath().normalize(), new Stamp(attrs.size(),
                attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), attrs.fileKey()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // the loader reports it; here it is simply not a file to wait for
        }
      });
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

  private static boolean specFile(Path file) {
    String name = file.getFileName().toString();
    return !hidden(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static boolean hidden(Path path) {
    return path.getFileName() != null && path.getFileName().toString().startsWith(".");
  }
}
