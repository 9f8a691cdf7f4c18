package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The MCP example ({@code examples/mcp-filesystem}): it always compiles; it runs against the real filesystem MCP
 * server (which {@code npx} downloads) only when {@code AGENTRY_NETWORK_TESTS=1}, since the suite runs offline.
 */
class McpExampleTest {
  private static final Path EXAMPLE = Path.of("../examples/mcp-filesystem");

  @Test
  void the_example_compiles_without_starting_the_server() {
    Catalog catalog = SpecCompiler.create().compile(EXAMPLE).orThrow();

    assertThat(catalog.agents()).containsKey("files-agent");
  }

  @Test
  @Timeout(300)
  @EnabledIfEnvironmentVariable(named = "AGENTRY_NETWORK_TESTS", matches = "1")
  void the_agent_lists_and_reads_files_through_the_real_filesystem_server() {
    Catalog catalog = SpecCompiler.create().compile(EXAMPLE).orThrow();
    try (Engine engine = Engine.create(catalog, c -> c.baseDir(EXAMPLE))) {
      assertThat(engine.listTools("files-agent")).extracting(t -> t.definition().name())
          .contains("list_directory", "read_text_file").doesNotContain("write_file");

      RunOutput out = engine.run("files-agent", RunRequest.of("What is in the workspace?"));

      assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
      List<Message> results = out.messages().stream().map(RunMessage::message)
          .filter(m -> m.role() == Role.TOOL).toList();
      assertThat(results).hasSize(2).noneMatch(Message::toolError);
      assertThat(results.get(0).content()).contains("notes.md");
      assertThat(out.contentText()).contains("through the Model Context Protocol");
    }
  }
}
