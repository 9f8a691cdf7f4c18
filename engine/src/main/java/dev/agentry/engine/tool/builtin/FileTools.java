package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.http.BoundedBody;
import dev.agentry.engine.spec.SpecRoot;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code file} builtin toolkit: Agno's {@code FileTools} functions ({@code read_file}, {@code list_files},
 * {@code search_files} and, only with {@code allow_write: true}, {@code save_file}) confined to one root folder.
 *
 * <p>Options: {@code root} (required, relative to the spec folder and inside it by the rule of
 * {@link SpecRoot}; it need not exist until a file is read or saved), {@code allow_write} (default false) and {@code max_bytes} (default 1 MiB: longer files are read in part,
 * larger contents are not saved). Every path goes through {@link FileRoot}, which refuses escapes.
 */
public final class FileTools {
  private static final long DEFAULT_MAX_BYTES = 1024 * 1024;
  private static final int MAX_LISTED = 1000;

  private final FileRoot root;
  private final long maxBytes;

  private FileTools(FileRoot root, long maxBytes) {
    this.root = root;
    this.maxBytes = maxBytes;
  }

  /** Creates the file functions; matches {@link dev.agentry.engine.tool.ToolFactory}. */
  public static List<Tool> create(Map<String, Object> options, Path baseDir) {
    ToolOptions opts = ToolOptions.of("file", options, Set.of("root", "allow_write", "max_bytes"));
    String rootOption = opts.requiredString("root", "the folder whose files the model may use");
    Path rootPath;
    switch (SpecRoot.of(baseDir).resolve("file root", rootOption, baseDir)) {
      case SpecRoot.Refusal refusal -> throw opts.fail("root", "is refused: " + refusal.message());
      case SpecRoot.Inside inside -> rootPath = inside.path();
    }
    if (Files.exists(rootPath) && !Files.isDirectory(rootPath)) {
      throw opts.fail("root", "names " + rootOption + ", which is not a folder");
    }
    FileTools files = new FileTools(new FileRoot(rootPath, rootOption), opts.positiveLong("max_bytes",
        DEFAULT_MAX_BYTES));
    List<Tool> tools = new ArrayList<>(List.of(
        FunctionTool.of("read_file", "Read a text file under the file root and return its contents.",
            ParameterSchema.object().required("path", "string", "Path of the file, relative to the root.").build(),
            (args, context) -> files.read(args.string("path"))),
        FunctionTool.of("list_files",
            "List the files and folders directly inside a folder under the file root; folders end with '/'.",
            ParameterSchema.object()
                .optional("path", "string", "Folder to list, relative to the root; default the root itself.")
                .build(),
            (args, context) -> files.list(args.optionalString("path"))),
        FunctionTool.of("search_files",
            "Find files under the file root whose path matches a glob pattern, such as **/*.md or docs/*.txt.",
            ParameterSchema.object()
                .required("pattern", "string", "Glob pattern relative to the root; ** matches any folders.")
                .build(),
            (args, context) -> ToolResult.of(FileSearch.run(files.root.realRoot(), args.string("pattern"))))));
    if (opts.bool("allow_write", false)) {
      tools.add(FunctionTool.of("save_file",
          "Save text to a file under the file root, creating folders as needed.",
          ParameterSchema.object()
              .required("path", "string", "Path of the file, relative to the root.")
              .required("contents", "string", "The text to write.")
              .optional("overwrite", "boolean", "Whether to replace an existing file; default true.")
              .build(),
          (args, context) -> files.save(args.string("path"), args.string("contents"), args.bool("overwrite", true))));
    }
    return List.copyOf(tools);
  }

  private ToolResult read(String path) {
    FileRoot.Resolved file = root.resolve(path);
    if (!file.exists()) {
      return ToolResult.error("file not found: " + file.relative());
    }
    if (Files.isDirectory(file.target())) {
      return ToolResult.error(file.relative() + " is a folder; use list_files to see what it holds");
    }
    try {
      if (!Files.readAttributes(file.target(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
        // a FIFO would block the run until someone writes to it, a device may never end: neither is opened
        return ToolResult.error(file.relative() + " is not a regular file (a pipe, socket or device); it is not read");
      }
    } catch (IOException e) {
      return ToolResult.error(failure("read", file.relative(), e));
    }
    long size;
    BoundedBody contents;
    // a FileChannel is interruptible: cancelling the run closes it and ends a read that waits on the disk
    try (FileChannel channel = FileChannel.open(file.target(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      size = channel.size();
      contents = BoundedBody.read(Channels.newInputStream(channel), maxBytes);
    } catch (IOException e) {
      return ToolResult.error(failure("read", file.relative(), e));
    }
    for (byte b : contents.bytes()) {
      if (b == 0) {
        return ToolResult.error(file.relative() + " is not a text file");
      }
    }
    String text = new String(contents.bytes(), StandardCharsets.UTF_8);
    return ToolResult.of(contents.truncated()
        ? text + "\n[truncated: the file is " + size + " bytes; only the first " + maxBytes + " are shown]"
        : text);
  }

  private ToolResult list(@Nullable String path) {
    FileRoot.Resolved folder = root.resolve(path);
    if (!folder.exists()) {
      return ToolResult.error("folder not found: " + folder.relative());
    }
    if (!Files.isDirectory(folder.target())) {
      return ToolResult.error(folder.relative() + " is a file, not a folder; use read_file to read it");
    }
    String prefix = folder.relative().equals(".") ? "" : folder.relative() + "/";
    List<String> entries;
    try (Stream<Path> children = Files.list(folder.target())) {
      entries = children
          .map(child -> prefix + child.getFileName() + (Files.isDirectory(child) ? "/" : ""))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      return ToolResult.error(failure("list", folder.relative(), e));
    }
    if (entries.size() > MAX_LISTED) {
      return ToolResult.of(JsonText.of(entries.subList(0, MAX_LISTED)) + "\n[only the first " + MAX_LISTED + " of "
          + entries.size() + " entries are listed; use search_files to narrow down]");
    }
    return ToolResult.of(JsonText.of(entries));
  }

  private ToolResult save(String path, String contents, boolean overwrite) {
    createRoot();
    FileRoot.Resolved file = root.resolve(path);
    if (file.relative().equals(".") || file.exists() && Files.isDirectory(file.target())) {
      return ToolResult.error(file.relative() + " is a folder; give the path of a file");
    }
    if (file.exists() && !overwrite) {
      return ToolResult.error("file already exists: " + file.relative() + " (pass overwrite: true to replace it)");
    }
    byte[] bytes = contents.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxBytes) {
      return ToolResult.error("the contents are " + bytes.length + " bytes, more than the limit of " + maxBytes);
    }
    // NOFOLLOW_LINKS: the target is a resolved path, so a link appearing there now is refused rather than followed.
    OpenOption[] options = overwrite
        ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS}
        : new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};
    try {
      Files.createDirectories(file.target().getParent());
      Files.write(file.target(), bytes, options);
    } catch (IOException e) {
      return ToolResult.error(failure("save", file.relative(), e));
    }
    return ToolResult.of("saved " + file.relative() + " (" + bytes.length + " bytes)");
  }

  /** A writable toolkit may start from an empty spec folder: the root is created on the first save. */
  private void createRoot() {
    try {
      Files.createDirectories(root.root());
    } catch (IOException e) {
      throw new ToolFailure("the file root " + root.shown() + " could not be created");
    }
  }

  /** An I/O failure in root-relative words; the exception's own message would show host paths. */
  private static String failure(String verb, String relative, Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied: cannot " + verb + " " + relative;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file already exists: " + relative;
    }
    return "could not " + verb + " " + relative + " (" + e.getClass().getSimpleName() + ")";
  }
}
