package dev.agentry.engine.tool.builtin;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A glob search under the file root, for {@code search_files}: files whose root-relative path matches, sorted,
 * at most {@link #MAX_RESULTS} of them.
 *
 * <p>The walk does not follow links, so it never leaves the root, and it stops after {@link #MAX_VISITED} entries so
 * that a huge tree cannot stall the call.
 */
final class FileSearch {
  static final int MAX_RESULTS = 200;
  static final int MAX_VISITED = 100_000;
  /** A {@code ..} segment: a pattern must not reach above the root. */
  private static final Pattern PARENT = Pattern.compile("(^|[/\\\\])\\.\\.($|[/\\\\])");

  private FileSearch() {}

  /** Runs the search and renders Agno's shape: pattern, matches_found, files. */
  static String run(Path realRoot, String pattern) {
    String glob = pattern.strip();
    if (glob.isEmpty() || glob.startsWith("/") || glob.startsWith("\\") || PARENT.matcher(glob).find()) {
      throw new ToolFailure("the pattern must be relative to the file root, without '..': " + pattern);
    }
    List<PathMatcher> matchers = new ArrayList<>(2);
    try {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      // As in Python's pathlib, "**/" also matches zero folders, so "**/*.md" finds README.md at the top too.
      if (glob.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
      }
    } catch (IllegalArgumentException e) { // includes PatternSyntaxException
      throw new ToolFailure("not a valid glob pattern: " + pattern);
    }
    List<String> found = new ArrayList<>();
    boolean[] stopped = {false};
    try {
      Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            private int visited;

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (++visited > MAX_VISITED) {
                stopped[0] = true;
                return FileVisitResult.TERMINATE;
              }
              Path relative = realRoot.relativize(file);
              if (attributes.isRegularFile() && matchers.stream().anyMatch(m -> m.matches(relative))) {
                found.add(FileRoot.relativeTo(realRoot, file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // an unreadable folder is skipped, not fatal
            }
          });
    } catch (IOException e) {
      throw new ToolFailure("the search failed: " + e.getClass().getSimpleName());
    }
    found.sort(null);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("pattern", pattern);
    result.put("matches_found", found.size());
    result.put("files", found.size() > MAX_RESULTS ? found.subList(0, MAX_RESULTS) : found);
    if (found.size() > MAX_RESULTS) {
      result.put("note", "only the first " + MAX_RESULTS + " matches are listed; use a narrower pattern");
    }
    if (stopped[0]) {
      result.put("incomplete", "the search stopped after " + MAX_VISITED + " files; use a narrower pattern");
    }
    return JsonText.of(result);
  }
}
