package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.UserMemory;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example agent in {@code specs/} runs offline on its scripted model, tools and all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleAgentsRunTest {
  private static final Path SPECS = Path.of("../specs");
  private final Catalog catalog = SpecCompiler.create().compile(SPECS).orThrow();
  private final Engine engine = Engine.create(catalog, c -> c.baseDir(SPECS).dataDir(dataDir()));

  /** A data folder of its own for each engine: two engines cannot share one embedded knowledge index. */
  private static Path dataDir() {
    try {
      return java.nio.file.Files.createTempDirectory("agentry-examples");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Stream<String> agents() {
    return catalog.agents().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("agents")
  void runs_offline_to_an_answer_or_a_pause(String agentId) {
    RunOutput out = engine.run(agentId, RunRequest.create(r -> r.input(prompt(agentId))));

    assertThat(out.status()).as(agentId + ": " + out.contentText())
        .isIn(RunStatus.COMPLETED, RunStatus.PAUSED);
    assertThat(out.contentText()).isNotBlank();
  }

  @Test
  void the_office_assistant_asks_the_user_for_the_meeting_slot() {
    RunOutput out = engine.run("office-assistant", RunRequest.of("book a meeting"));

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.PAUSED);
    assertThat(out.tools()).singleElement().satisfies(call -> {
      assertThat(call.toolName()).isEqualTo("book_meeting");
      assertThat(call.requiresUserInput()).isTrue();
      assertThat(call.userInputSchema()).extracting(ToolExecution.UserInputField::name)
          .containsExactly("title", "date", "time");
    });
  }

  @Test
  void the_errand_assistant_keeps_the_list_in_the_session_state_and_introduces_itself() {
    RunOutput out = engine.run("errand-assistant", RunRequest.create(r -> r.input("Remember milk and eggs")
        .sessionId("shop-example")));

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.sessionState()).containsEntry("shopping_list", java.util.List.of("milk", "eggs"));
    assertThat(out.messages().getFirst().message().content())
        .contains("Your approximate location is: Lyon, Auvergne-Rhône-Alpes, France.");
    assertThat(out.messages()).as("the introduction is the session's first message")
        .anySatisfy(m -> assertThat(m.message().content()).startsWith("Hello! Tell me what to buy"));
  }

  @Test
  void the_personal_coach_remembers_a_runner_through_its_scripted_memory_manager() {
    Engine engine = Engine.create(catalog, c -> c.baseDir(SPECS).dataDir(dataDir()));
    for (String input : List.of("I'm training for a marathon in April", "I run in km", "I switched to miles",
        "my knee hurts")) {
      engine.run("personal-coach", RunRequest.create(r -> r.input(input).userId("ada")));
    }
    assertThat(memories(engine, "ada")).containsExactlyInAnyOrder("Goal: I'm training for a marathon in April",
        "Prefers miles (switched from kilometres)", "Runner's knee: my knee hurts");

    engine.run("personal-coach", RunRequest.create(r -> r.input("my knee is fine now").userId("ada")));

    assertThat(memories(engine, "ada")).containsExactlyInAnyOrder("Goal: I'm training for a marathon in April",
        "Prefers miles (switched from kilometres)");
    assertThat(memories(engine, "bob")).isEmpty();
  }

  private static List<String> memories(Engine engine, String user) {
    return engine.store().listMemories(MemoryQuery.ofUser(user, 1, 100)).items().stream()
        .map(UserMemory::memory).toList();
  }

  private static String prompt(String agentId) {
    return switch (agentId) {
      case "tools-agent" -> "what is 2 + 3?";
      case "office-assistant" -> "send an email to Ada";
      default -> "hello";
    };
  }
}
