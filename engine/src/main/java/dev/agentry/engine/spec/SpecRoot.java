package dev.agentry.engine.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The folder a spec set is loaded from, and the one place a path written in a spec ({@code ${file:...}}, a schema
 * file, a knowledge source, a file toolkit's root) becomes a host path.
 *
 * <p>The spec root is the folder given to the loader, or the folder of the file when one file is given. A path a
 * spec names is resolved against the folder of its YAML file (or the root, for toolkit options) and must stay inside
 * the root: absolute paths elsewhere, {@code ..} that climbs out and symbolic links that lead out (checked on the
 * real path, links resolved) are refused, and so is anything under {@code /proc}, {@code /dev} or {@code /sys}
 * wherever the root is. A file is read only if it is a regular file, checked without following links and before it
 * is opened (opening a FIFO would block), and by reading at most one byte past the limit (the size the file system
 * reports is 0 for {@code /proc} files and devices). Refusals name the path as written, never what the file holds or
 * where a link leads.
 */
public final class SpecRoot {
  private static final List<Path> SYSTEM = List.of(Path.of("/proc"), Path.of("/dev"), Path.of("/sys"));
  private static final String INSIDE = "a spec may name only files inside the folder it is loaded from";

  private final Path folder;

  private SpecRoot(Path folder) {
    this.folder = folder;
  }

  /** The spec root of {@code given}: the folder itself, or the folder of a single spec file. */
  public static SpecRoot of(Path given) {
    Path absolute = given.toAbsolutePath().normalize();
    boolean file = Files.isRegularFile(absolute) && absolute.getParent() != null;
    return new SpecRoot(file ? absolute.getParent() : absolute);
  }

  /** The root folder, absolute and normalized. */
  public Path folder() {
    return folder;
  }

  /** A path resolved inside the root, or why not. */
  public sealed interface Resolved permits Inside, Refusal {}

  /** What reading a file gave: its bytes, or why it was not read. */
  public sealed interface Read permits Bytes, Refusal {}

  /**
   * A path inside the root.
   *
   * @param path the host path, links resolved as far as the path exists
   */
  public record Inside(Path path) implements Resolved {}

  /** The whole file, at most the limit. */
  public record Bytes(byte[] bytes) implements Read {}

  /** Why a path was refused or not read: a diagnostic code, and a message and hint naming the path as written. */
  public record Refusal(String code, String message, @Nullable String hint) implements Resolved, Read {}

  /**
   * Resolves {@code written} against {@code base} (a folder inside the root) and confines it to the root. The path
   * need not exist: then the nearest existing folder on the way is what must lie inside.
   *
   * @param noun what the path names, for messages ("file", "schema file", "file root")
   */
  public Resolved resolve(String noun, String written, Path base) {
    String shown = noun + " '" + written + "'";
    Path lexical;
    try {
      lexical = base.toAbsolutePath().resolve(written).normalize();
    } catch (InvalidPathException e) {
      return refused("unsafe-path", shown + " is not a valid path", "write a path relative to the YAML file");
    }
    if (system(lexical)) {
      return systemFile(shown);
    }
    Path realRoot;
    try {
      realRoot = folder.toRealPath();
    } catch (IOException e) {
      return refused("missing-file", "cannot read " + shown + ": the spec folder is not readable", null);
    }
    if (!lexical.startsWith(folder) && !lexical.startsWith(realRoot)) {
      return refused("unsafe-path", shown + " is outside the spec folder",
          INSIDE + "; write a relative path that stays inside it");
    }
    Path existing = lexical;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    Path real;
    try {
      real = existing.toRealPath().resolve(existing.relativize(lexical));
    } catch (IOException e) {
      return refused("missing-file", "cannot read " + shown + ": it leads through a broken link",
          "paths are relative to the folder of the YAML file");
    }
    if (system(real)) {
      return systemFile(shown);
    }
    if (!real.startsWith(realRoot)) {
      return refused("unsafe-path", shown + " leads out of the spec folder through a symbolic link",
          "copy the file into the spec folder instead of linking to it");
    }
    return new Inside(real);
  }

  /**
   * Reads the regular file {@code written} names (see {@link #resolve}), at most {@code maxBytes} of it. Never opens
   * anything but a regular file, so a FIFO or a device cannot block or flood the reader.
   */
  public Read read(String noun, String written, Path base, int maxBytes) {
    String shown = noun + " '" + written + "'";
    Path path;
    switch (resolve(noun, written, base)) {
      case Refusal refusal -> {
        return refusal;
      }
      case Inside inside -> path = inside.path();
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return refused("missing-file", "cannot read " + shown, "paths are relative to the folder of the YAML file");
    } catch (IOException e) {
      return refused("missing-file", "cannot read " + shown, null);
    }
    if (!attributes.isRegularFile()) {
      return refused("not-a-file", shown + (attributes.isDirectory() ? " is a folder" : " is not a regular file")
          + ", so it is not read", "name a regular file; FIFOs, sockets and devices are never read");
    }
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        return refused("file-too-large", shown + " is larger than " + maxBytes + " bytes",
            "a spec reads files of up to " + maxBytes + " bytes");
      }
      return new Bytes(bytes);
    } catch (IOException e) {
      return refused("missing-file", "cannot read " + shown, null);
    }
  }

  private static boolean system(Path path) {
    return SYSTEM.stream().anyMatch(path::startsWith);
  }

  private static Refusal systemFile(String shown) {
    return refused("unsafe-path", shown + " names a system file, in /proc, /dev or /sys", INSIDE);
  }

  private static Refusal refused(String code, String message, @Nullable String hint) {
    return new Refusal(code, message, hint);
  }
}
