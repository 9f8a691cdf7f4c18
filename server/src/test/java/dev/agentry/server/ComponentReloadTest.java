package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /teams/{id}} and {@code /workflows/{id}} while reloads replace the agent their team and steps run: every
 * answer is a 200 built from one version of the specs, never a 404 or a 500 from a member looked up in the next one.
 * Black-box: files on disk, {@code POST /specs/reload}, HTTP only.
 */
public class ComponentReloadTest {
  private static final int RELOADS = 40;
  /** One client per path read. */
  private static final int CLIENTS = 3;

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong requests = new AtomicLong();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  @Test
  void teams_and_workflows_read_while_reloads_replace_their_agent_are_each_from_one_version() throws Exception {
    Map<String, String> specs = Map.of("crew.yaml", crew(0), "os.yaml", TestServer.SPECS.get("os.yaml"));
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try (TestServer server = TestServer.start(specs, s -> s.watch(false))) {
      Path file = server.specDir().resolve("crew.yaml");
      for (String path : List.of("/teams/desk", "/workflows/flow", "/teams")) {
        clients.submit(() -> read(server, path));
      }
      for (int version = 1; version <= RELOADS; version++) {
        Reloads.write(file, crew(version));
        HttpResponse<String> reload = server.postJson("/specs/reload", "");
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(TestServer.json(reload).path("outcome").asString()).isEqualTo("reloaded");
        long target = requests.get() + CLIENTS;
        Await.awaitTrue("more reads", () -> requests.get() >= target || !failures.isEmpty());
      }
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("the clients stopped").isTrue();
      assertThat(failures).as("failed reads of %d", requests.get()).isEmpty();
      assertThat(server.get("/agents/writer-0").statusCode()).as("the first version's agent is gone").isEqualTo(404);
    } finally {
      stop.set(true);
      clients.shutdownNow();
    }
  }

  /** Reads {@code path} until stopped, keeping every answer that is not a 200 from one version. */
  private void read(TestServer server, String path) {
    while (!stop.get()) {
      try {
        HttpResponse<String> response = server.get(path);
        String failure = response.statusCode() != 200 ? response.statusCode() + " " + response.body()
            : mixed(TestServer.json(response));
        if (failure != null) {
          failures.add(path + ": " + failure);
        }
      } catch (RuntimeException | AssertionError e) {
        failures.add(path + ": " + e);
      }
      requests.incrementAndGet();
    }
  }

  /** Why the answer mixes versions (or lacks the writer's tools), or null: each names its version's writer. */
  private static String mixed(JsonNode answer) {
    if (answer.isArray()) {
      return answer.size() == 1 ? mixed(answer.get(0)) : "not one team: " + answer;
    }
    JsonNode team = answer.has("members") ? answer : answer.path("steps").path(1).path("team");
    String writer = team.path("description").asString().replace("Desk of ", "");
    List<JsonNode> agents = answer.has("members") ? List.of(team.path("members").path(0))
        : List.of(answer.path("steps").path(0).path("agent"), team.path("members").path(0));
    for (JsonNode agent : agents) {
      if (!agent.path("id").asString().equals(writer)
          || !agent.path("tools").path("tools").path(0).path("name").asString().equals("add")) {
        return "mixes " + writer + " with " + agent;
      }
    }
    if (!answer.has("members") && !answer.path("steps").path(0).path("description").asString()
        .equals("Writes with " + writer)) {
      return "step description of another version: " + answer.path("steps").path(0);
    }
    return null;
  }

  /**
   * The spec set of one version: its writer (with one tool), the team of that writer and a workflow running both; also
   * used by {@code ComponentContextTest}.
   */
  public static String crew(int version) {
    return """
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: echo-model}
        spec:
          provider: scripted
          script:
            fallback: "Hello."
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: writer-%1$d}
        spec:
          model: echo-model
          tools:
            - builtin: calculator
              include_tools: [add]
        ---
        apiVersion: agentry.dev/v1
        kind: Team
        metadata: {name: desk}
        spec:
          description: Desk of writer-%1$d
          model: echo-model
          members: [{agent: writer-%1$d}]
        ---
        apiVersion: agentry.dev/v1
        kind: Workflow
        metadata: {name: flow}
        spec:
          steps:
            - {name: write, agent: writer-%1$d, description: Writes with writer-%1$d}
            - {name: review, team: desk}
        """.formatted(version);
  }
}
