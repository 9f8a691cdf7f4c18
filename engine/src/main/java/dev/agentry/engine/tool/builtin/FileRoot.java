package dev.agentry.engine.tool.builtin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The folder the {@code file} toolkit is confined to, and the one place a path from the model becomes a host path.
 *
 * <p>A path is refused when it is absolute and outside the root, when {@code ..} climbs out, or when a symbolic link
 * on the way leads out: the real path of the target, or of its nearest existing parent, must stay under the root's
 * real path. Failure messages show only root-relative paths, never where an outside file lives on the host.
 *
 * @param root the root folder, absolute and normalized (it may not exist yet)
 * @param shown how the spec wrote the root, for messages
 */
record FileRoot(Path root, String shown) {
  /**
   * A path inside the root.
   *
   * @param target the host path to open: links resolved, so opening it without following links is safe
   * @param relative the path relative to the root with {@code /} separators, {@code .} for the root itself
   * @param exists whether something is there
   */
  record Resolved(Path target, String relative, boolean exists) {}

  /** Resolves {@code input} (relative to the root; empty or null means the root) or throws {@link ToolFailure}. */
  Resolved resolve(@Nullable String input) {
    String text = input == null || input.isBlank() ? "." : input.strip();
    Path realRoot = realRoot();
    Path given;
    try {
      given = Path.of(text);
    } catch (InvalidPathException e) {
      throw new ToolFailure("not a valid path: " + text);
    }
    Path lexical = given.isAbsolute() ? inside(given.normalize(), realRoot) : root.resolve(given).normalize();
    if (!lexical.startsWith(root)) {
      throw new ToolFailure("path escapes the file root: " + text + " (use a path inside the root)");
    }
    String relative = relative(lexical);
    // Walk up to the nearest thing that exists; a link counts as existing even when it dangles, so it gets checked.
    Path existing = lexical;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      throw new ToolFailure("path leads through a broken link: " + relative);
    }
    if (!real.startsWith(realRoot)) {
      throw new ToolFailure("path leads out of the file root through a link: " + relative);
    }
    Path target = real.resolve(existing.relativize(lexical));
    return new Resolved(target, relative, existing.equals(lexical));
  }

  /** The root's real path; the root must exist. */
  Path realRoot() {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      throw new ToolFailure("the file root " + shown + " does not exist");
    }
  }

  /** The root-relative path of a host path under the real root, with {@code /} separators. */
  static String relativeTo(Path base, Path path) {
    String relative = base.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    return relative.isEmpty() ? "." : relative;
  }

  private String relative(Path lexical) {
    return relativeTo(root, lexical);
  }

  /** An absolute path is accepted only when it names something under the root, as written or as its real path. */
  private Path inside(Path absolute, Path realRoot) {
    if (absolute.startsWith(root)) {
      return absolute;
    }
    if (absolute.startsWith(realRoot)) {
      return root.resolve(realRoot.relativize(absolute));
    }
    throw new ToolFailure("absolute paths outside the file root are refused; use a path relative to the root");
  }
}
