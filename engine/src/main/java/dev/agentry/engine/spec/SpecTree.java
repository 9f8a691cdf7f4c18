package dev.agentry.engine.spec;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Which files under a spec root are specs, and the one walk that finds them: the {@code *.yaml} and {@code *.yml}
 * files, symlinks followed, hidden entries (names starting with {@code .}) skipped without descending into them (a
 * Kubernetes ConfigMap's {@code ..data} folder is reached through the symlinks beside it). A root that is a file is
 * the one spec file, whatever its name.
 *
 * <p>The loader reads what this walk finds, and a watcher of the root (the server's reload) watches the folders and
 * files it meets, so that the two cannot come to disagree about which files count.
 */
public final class SpecTree {
  private SpecTree() {}

  /** What a walk meets. */
  @FunctionalInterface
  public interface Visitor {
    /** A folder the walk enters, the root included; an exception ends the walk. */
    default void folder(Path dir) throws IOException {}

    /** A spec file, with its attributes as the walk read them (links followed). */
    void specFile(Path file, BasicFileAttributes attrs);

    /** An entry that could not be read, or a symlink back up the tree (a {@code FileSystemLoopException}). */
    default void failed(Path path, IOException e) {}
  }

  /** True for a file the loader reads when it meets it under a root: a {@code *.yaml} or {@code *.yml}, not hidden. */
  public static boolean isSpecFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    return !isHidden(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  /** True for an entry the walk skips below the root: its name starts with {@code .}. */
  public static boolean isHidden(Path path) {
    return path.getFileName() != null && path.getFileName().toString().startsWith(".");
  }

  /**
   * Walks {@code root} (a folder, or one spec file), telling {@code visitor} what it meets; an entry that cannot be
   * read is reported and the rest of the tree is still walked.
   *
   * @throws IOException when the root itself cannot be walked (it does not exist), or as thrown by the visitor
   */
  public static void walk(Path root, Visitor visitor) throws IOException {
    Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(root) && isHidden(dir)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        visitor.folder(dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && (file.equals(root) || isSpecFile(file))) {
          visitor.specFile(file, attrs);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        visitor.failed(file, e);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
