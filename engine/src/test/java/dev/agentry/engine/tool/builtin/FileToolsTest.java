package dev.agentry.engine.tool.builtin;

import static dev.agentry.engine.tool.builtin.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FileToolsTest {
  @TempDir Path base;
  private Path root;

  @BeforeEach
  void files() throws IOException {
    root = Files.createDirectories(base.resolve("workspace"));
    Files.writeString(root.resolve("notes.md"), "# Notes\nhello");
    Files.createDirectories(root.resolve("docs/deep"));
    Files.writeString(root.resolve("docs/guide.md"), "guide");
    Files.writeString(root.resolve("docs/deep/data.txt"), "data");
    Files.writeString(base.resolve("secret.txt"), "top secret");
  }

  private List<Tool> tools(Map<String, Object> options) {
    return FileTools.create(options, base);
  }

  private List<Tool> readOnly() {
    return tools(Map.of("root", "./workspace"));
  }

  private List<Tool> writable() {
    return tools(Map.of("root", "./workspace", "allow_write", true));
  }

  private static ToolResult run(List<Tool> tools, String name, Map<String, Object> arguments) {
    return call(tools, name, Json.MAPPER.writeValueAsString(arguments));
  }

  private void assertRefused(ToolResult result, String... fragments) {
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).contains(fragments).doesNotContain(base.toString()).doesNotContain("top secret");
  }

  @Test
  @Timeout(30)
  void a_fifo_is_refused_at_once_instead_of_blocking_the_run() throws Exception {
    Path fifo = root.resolve("pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo works");

    ToolResult result = run(readOnly(), "read_file", Map.of("path", "pipe"));

    assertRefused(result, "pipe is not a regular file");
  }

  @Test
  void reads_a_file_relative_to_the_root() {
    assertThat(run(readOnly(), "read_file", Map.of("path", "notes.md")).content()).isEqualTo("# Notes\nhello");
    assertThat(run(readOnly(), "read_file", Map.of("path", "docs/./deep/../guide.md")).content()).isEqualTo("guide");
  }

  @Test
  void a_missing_file_or_a_folder_is_an_error_with_the_relative_path() {
    assertThat(run(readOnly(), "read_file", Map.of("path", "docs/nope.md")).content())
        .isEqualTo("file not found: docs/nope.md");
    assertThat(run(readOnly(), "read_file", Map.of("path", "docs")).content()).contains("docs is a folder");
  }

  @Test
  void lists_one_level_with_folders_marked() {
    assertThat(run(readOnly(), "list_files", Map.of()).content()).isEqualTo("[\"docs/\", \"notes.md\"]");
    assertThat(run(readOnly(), "list_files", Map.of("path", "docs")).content())
        .isEqualTo("[\"docs/deep/\", \"docs/guide.md\"]");
    assertThat(run(readOnly(), "list_files", Map.of("path", "notes.md")).content()).contains("not a folder");
  }

  @Test
  void searches_with_a_glob_that_also_matches_the_top_level() {
    assertThat(run(readOnly(), "search_files", Map.of("pattern", "**/*.md")).content())
        .isEqualTo("{\"pattern\": \"**/*.md\", \"matches_found\": 2, \"files\": [\"docs/guide.md\", \"notes.md\"]}");
    assertThat(run(readOnly(), "search_files", Map.of("pattern", "docs/*")).content())
        .contains("\"files\": [\"docs/guide.md\"]");
    assertRefused(run(readOnly(), "search_files", Map.of("pattern", "../*")), "without '..'");
  }

  @Test
  void refuses_dot_dot_escapes() {
    assertRefused(run(readOnly(), "read_file", Map.of("path", "../secret.txt")), "escapes the file root");
    assertRefused(run(readOnly(), "read_file", Map.of("path", "docs/../../secret.txt")), "escapes the file root");
    assertRefused(run(readOnly(), "list_files", Map.of("path", "..")), "escapes the file root");
  }

  @Test
  void refuses_absolute_paths_outside_the_root_but_accepts_those_inside() {
    assertRefused(run(readOnly(), "read_file", Map.of("path", base.resolve("secret.txt").toString())),
        "absolute paths outside the file root are refused");
    assertRefused(run(readOnly(), "read_file", Map.of("path", "/etc/passwd")), "absolute paths");
    assertThat(run(readOnly(), "read_file", Map.of("path", root.resolve("notes.md").toString())).content())
        .isEqualTo("# Notes\nhello");
  }

  @Test
  void refuses_symlinks_that_lead_out_of_the_root() throws IOException {
    Files.createSymbolicLink(root.resolve("link.txt"), base.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("outside"), base);
    Files.createSymbolicLink(root.resolve("dangling.txt"), base.resolve("created-outside.txt"));
    Files.createSymbolicLink(root.resolve("inside.md"), root.resolve("notes.md"));

    assertRefused(run(readOnly(), "read_file", Map.of("path", "link.txt")), "through a link: link.txt");
    assertRefused(run(readOnly(), "read_file", Map.of("path", "outside/secret.txt")), "through a link");
    assertRefused(run(readOnly(), "list_files", Map.of("path", "outside")), "through a link");
    assertRefused(run(writable(), "save_file", Map.of("path", "outside/new.txt", "contents", "x")), "through a link");
    assertRefused(run(writable(), "save_file", Map.of("path", "dangling.txt", "contents", "x")), "broken link");
    assertThat(base.resolve("new.txt")).doesNotExist();
    assertThat(base.resolve("created-outside.txt")).doesNotExist();
    assertThat(run(readOnly(), "read_file", Map.of("path", "inside.md")).content()).isEqualTo("# Notes\nhello");
    assertThat(run(readOnly(), "search_files", Map.of("pattern", "**/*.txt")).content())
        .contains("\"files\": [\"docs/deep/data.txt\"]");
  }

  @Test
  void save_file_exists_only_when_writing_is_allowed() {
    assertThat(ToolCalls.names(readOnly())).containsExactly("read_file", "list_files", "search_files");
    assertThat(ToolCalls.names(writable())).containsExactly("read_file", "list_files", "search_files", "save_file");
  }

  @Test
  void save_file_creates_folders_and_respects_overwrite() throws IOException {
    List<Tool> tools = writable();
    assertThat(run(tools, "save_file", Map.of("path", "reports/2024/may.md", "contents", "ok")).content())
        .isEqualTo("saved reports/2024/may.md (2 bytes)");
    assertThat(root.resolve("reports/2024/may.md")).hasContent("ok");

    ToolResult kept = run(tools, "save_file", Map.of("path", "notes.md", "contents", "new", "overwrite", false));
    assertThat(kept.content()).startsWith("file already exists: notes.md");
    assertThat(root.resolve("notes.md")).hasContent("# Notes\nhello");

    run(tools, "save_file", Map.of("path", "notes.md", "contents", "replaced"));
    assertThat(root.resolve("notes.md")).hasContent("replaced");
    assertThat(run(tools, "save_file", Map.of("path", "docs", "contents", "x")).content()).contains("is a folder");
  }

  @Test
  void max_bytes_cuts_reads_and_refuses_larger_saves() throws IOException {
    Files.writeString(root.resolve("long.txt"), "0123456789abcdef");
    List<Tool> tools = tools(Map.of("root", "workspace", "allow_write", true, "max_bytes", 10));
    assertThat(run(tools, "read_file", Map.of("path", "long.txt")).content())
        .isEqualTo("0123456789\n[truncated: the file is 16 bytes; only the first 10 are shown]");
    assertThat(run(tools, "save_file", Map.of("path", "big.txt", "contents", "x".repeat(11))).content())
        .contains("more than the limit of 10");
  }

  @Test
  void a_binary_file_is_not_returned() throws IOException {
    Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    assertThat(run(readOnly(), "read_file", Map.of("path", "image.png")).content())
        .isEqualTo("image.png is not a text file");
  }

  @Test
  void a_root_that_does_not_exist_yet_is_created_by_the_first_save() {
    List<Tool> tools = tools(Map.of("root", "later", "allow_write", true));
    assertThat(run(tools, "list_files", Map.of()).content()).isEqualTo("the file root later does not exist");
    run(tools, "save_file", Map.of("path", "a.txt", "contents", "x"));
    assertThat(base.resolve("later/a.txt")).hasContent("x");
  }

  @Test
  void bad_options_are_refused_naming_the_option() {
    assertThatThrownBy(() -> tools(Map.of())).isInstanceOf(ToolkitException.class)
        .hasMessageContaining("file: option 'root' is required");
    assertThatThrownBy(() -> tools(Map.of("root", "workspace/notes.md"))).hasMessageContaining("not a folder");
    assertThatThrownBy(() -> tools(Map.of("root", "/"))).isInstanceOf(ToolkitException.class)
        .hasMessage("file: option 'root' is refused: file root '/' is outside the spec folder");
    assertThatThrownBy(() -> tools(Map.of("root", "../elsewhere"))).hasMessageContaining("outside the spec folder");
    assertThatThrownBy(() -> tools(Map.of("root", "workspace", "allow_write", "yes")))
        .hasMessageContaining("'allow_write'");
    assertThatThrownBy(() -> tools(Map.of("root", "workspace", "alow_write", true)))
        .hasMessageContaining("unknown option 'alow_write'");
  }
}
