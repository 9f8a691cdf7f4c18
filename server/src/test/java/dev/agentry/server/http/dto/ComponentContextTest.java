package dev.agentry.server.http.dto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.server.ComponentReloadTest;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component responses are built from the one catalog they are given, even when a reload replaces the engine's
 * catalog while they are being built (here: at the first tool lookup, deterministically).
 */
class ComponentContextTest {
  @TempDir Path dir;

  @Test
  void a_team_and_a_workflow_described_across_a_reload_come_from_the_catalog_given_to_them() throws IOException {
    Catalog first = compile(1);
    Catalog second = compile(2);
    Engine engine = Engine.create(first);
    ComponentContext context = new ComponentContext(first, id -> {
      engine.reload(second);
      return engine.listTools(first, id);
    });

    TeamResponse team = TeamResponse.of(first.findTeam("desk").orElseThrow(), context);
    WorkflowResponse workflow = WorkflowResponse.of(first.findWorkflow("flow").orElseThrow(), context);

    assertThat(engine.catalog()).isSameAs(second);
    assertThat(team.description()).isEqualTo("Desk of writer-1");
    assertThat(team.members()).singleElement().satisfies(member -> assertWriter(member, "writer-1"));
    assertThat(workflow.steps()).hasSize(2);
    assertThat(workflow.steps().get(0).description()).isEqualTo("Writes with writer-1");
    assertWriter(workflow.steps().get(0).agent(), "writer-1");
    assertThat(workflow.steps().get(1).team().members()).singleElement()
        .satisfies(member -> assertWriter(member, "writer-1"));
  }

  private static void assertWriter(MemberResponse member, String id) {
    assertThat(member).isInstanceOfSatisfying(AgentResponse.class, agent -> {
      assertThat(agent.id()).isEqualTo(id);
      assertThat(agent.tools()).isNotNull();
      assertThat((List<?>) agent.tools().get("tools")).singleElement()
          .isInstanceOfSatisfying(FunctionResponse.class, f -> assertThat(f.name()).isEqualTo("add"));
    });
  }

  /** One version of the specs: its writer (with one tool), the team of that writer and a workflow running both. */
  private Catalog compile(int version) throws IOException {
    Path specs = Files.createDirectories(dir.resolve("v" + version));
    Files.writeString(specs.resolve("crew.yaml"), ComponentReloadTest.crew(version));
    return SpecCompiler.create().compile(specs).orThrow();
  }
}
