package dev.agentry.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${file:...}} (and every other path a spec names, through {@link SpecRoot}) reads only regular files inside
 * the spec folder: links out, FIFOs, devices and {@code /proc} files get a located diagnostic, quickly, and the
 * diagnostic never shows what the file holds.
 */
class SpecRootTest {
  private static final String SECRET = "TOP-SECRET-CONTENT";
  private static final SpecLoader LOADER = SpecLoader.create(Map.<String, String>of()::get, YamlReader.Limits.DEFAULT);

  @TempDir Path base;
  private Path specs;

  @BeforeEach
  void layout() throws IOException {
    specs = Files.createDirectories(base.resolve("specs"));
    Files.writeString(base.resolve("secret.md"), SECRET);
    Files.createDirectories(specs.resolve("prompts"));
    Files.writeString(specs.resolve("prompts/role.md"), "You research.\n");
  }

  private static String agent(String description) {
    return """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata:
          name: reader
        spec:
          model: openai:gpt-4o-mini
          description: "%s"
        """.formatted(description);
  }

  private List<String> load(Path root) {
    return LOADER.load(root).diagnostics().stream()
        .map(d -> d.render(specs.relativize(Path.of(d.file())).toString()))
        .toList();
  }

  private SpecLoader.Loaded loaded(Path root) {
    return LOADER.load(root);
  }

  @Test
  void a_file_inside_the_spec_folder_is_read_through_a_link_that_stays_inside() throws IOException {
    Files.createSymbolicLink(specs.resolve("role-link.md"), specs.resolve("prompts/role.md"));
    Files.writeString(specs.resolve("agent.yaml"), agent("${file:prompts/role.md} ${file:role-link.md}"));
    SpecLoader.Loaded loaded = loaded(specs);
    assertThat(loaded.diagnostics()).isEmpty();
    assertThat(((AgentSpec) loaded.resources().get(0).spec()).description()).isEqualTo("You research. You research.");
  }

  @Test
  void a_symbolic_link_out_of_the_spec_folder_is_refused_without_showing_the_file() throws IOException {
    Files.createSymbolicLink(specs.resolve("link.md"), base.resolve("secret.md"));
    Files.writeString(Files.createDirectories(base.resolve("outside")).resolve("secret.md"), SECRET);
    Files.createSymbolicLink(specs.resolve("up"), base.resolve("outside"));
    Files.writeString(specs.resolve("agent.yaml"), agent("${file:link.md}") + "  role: ${file:up/secret.md}\n");
    assertThat(load(specs)).containsExactly(
        "agent.yaml:7:16: error: file 'link.md' leads out of the spec folder through a symbolic link "
            + "(copy the file into the spec folder instead of linking to it)",
        "agent.yaml:8:9: error: file 'up/secret.md' leads out of the spec folder through a symbolic link "
            + "(copy the file into the spec folder instead of linking to it)")
        .noneMatch(line -> line.contains(SECRET) || line.contains(base.toString()));
  }

  @Test
  void a_fifo_is_refused_before_it_is_opened_so_loading_never_blocks() throws Exception {
    Path fifo = specs.resolve("pipe");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    Assumptions.assumeTrue(made, "mkfifo is not available here, so no FIFO can be made for this test");
    Files.writeString(specs.resolve("agent.yaml"), agent("${file:pipe}"));
    List<String> lines = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(specs));
    assertThat(lines).containsExactly("agent.yaml:7:16: error: file 'pipe' is not a regular file, so it is not read "
        + "(name a regular file; FIFOs, sockets and devices are never read)");
  }

  @Test
  void a_file_over_one_mebibyte_is_refused_after_reading_one_byte_past_the_limit() throws IOException {
    Files.write(specs.resolve("big.md"), new byte[(1 << 20) + 1]);
    Files.writeString(specs.resolve("agent.yaml"), agent("${file:big.md}"));
    assertThat(load(specs)).containsExactly("agent.yaml:7:16: error: file 'big.md' is larger than 1048576 bytes "
        + "(a spec reads files of up to 1048576 bytes)");
  }

  @Test
  void a_folder_is_not_read_as_a_file() throws IOException {
    Files.writeString(specs.resolve("agent.yaml"), agent("${file:prompts}"));
    assertThat(load(specs)).containsExactly("agent.yaml:7:16: error: file 'prompts' is a folder, so it is not read "
        + "(name a regular file; FIFOs, sockets and devices are never read)");
  }

  @Test
  void a_single_spec_file_has_its_own_folder_as_the_spec_root() throws IOException {
    Path agents = Files.createDirectories(specs.resolve("agents"));
    Path file = agents.resolve("agent.yaml");
    Files.writeString(file, agent("${file:../prompts/role.md}"));
    assertThat(loaded(specs).diagnostics()).as("loaded as part of the folder").isEmpty();
    assertThat(load(file)).containsExactly("agents/agent.yaml:7:16: error: file '../prompts/role.md' is outside the "
        + "spec folder (a spec may name only files inside the folder it is loaded from; write a relative path that "
        + "stays inside it)");
  }

  @Test
  void system_files_are_refused_even_when_the_spec_root_contains_them() {
    SpecRoot everything = SpecRoot.of(Path.of("/"));
    for (String path : List.of("/proc/self/environ", "/dev/zero", "/sys/kernel/hostname", "../../proc/self/environ")) {
      assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> everything.read("file", path, Path.of("/etc"), 1 << 20)))
          .isInstanceOfSatisfying(SpecRoot.Refusal.class, refusal -> assertThat(refusal.message())
              .isEqualTo("file '" + path + "' names a system file, in /proc, /dev or /sys"));
    }
  }

  @Test
  void a_file_root_that_does_not_exist_yet_may_still_be_inside() throws IOException {
    SpecRoot root = SpecRoot.of(specs);
    assertThat(root.resolve("file root", "workspace/new", specs))
        .isEqualTo(new SpecRoot.Inside(specs.toRealPath().resolve("workspace/new")));
    assertThat(root.resolve("file root", "../elsewhere", specs)).isInstanceOf(SpecRoot.Refusal.class);
    assertThat(new String(((SpecRoot.Bytes) root.read("file", "prompts/role.md", specs, 100)).bytes(),
        StandardCharsets.UTF_8)).isEqualTo("You research.\n");
  }
}
