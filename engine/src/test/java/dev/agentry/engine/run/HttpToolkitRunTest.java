package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.tool.http.LocalApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents declared in YAML call HTTP and OpenAPI toolkit functions that reach a local server. */
class HttpToolkitRunTest {
  @TempDir Path dir;
  private LocalApi api;
  private Engine engine;

  @BeforeEach
  void start() throws Exception {
    api = new LocalApi();
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    api.close();
  }

  private Engine engine(String yaml) {
    engine = Engine.create(Specs.compile(dir, yaml), c -> c.baseDir(dir));
    return engine;
  }

  @Test
  void an_agent_calls_an_http_endpoint_with_its_arguments() {
    engine(Specs.agent("tools: [{toolkit: pets}]", """
        turns:
          - tool_calls: [{name: add_pet, arguments: {owner: "ada", name: Rex}}]
          - content: "saved: {tool_result}"
        """) + "---\n" + Specs.HEADER + """
        kind: Toolkit
        metadata: {name: pets}
        spec:
          http:
            base_url: %s/api
            allow_private_addresses: true
            auth: {type: bearer, token: t-1}
            endpoints:
              - {name: add_pet, method: POST, url: "/owners/{owner}/pets", description: Adds a pet.}
        """.formatted(api.url()));

    RunOutput out = engine.run("agent", RunRequest.of("add Rex"));

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).singleElement().satisfies(call -> {
      assertThat(call.toolName()).isEqualTo("add_pet");
      assertThat(call.toolCallError()).isFalse();
    });
    assertThat(out.contentText()).startsWith("saved: status: 200");
    assertThat(api.last().path()).isEqualTo("/api/owners/ada/pets");
    assertThat(api.last().header("Authorization")).isEqualTo("Bearer t-1");
    assertThat(api.last().body()).isEqualTo("{\"name\":\"Rex\"}");
  }

  @Test
  void an_agent_calls_an_openapi_operation_and_a_refused_call_is_an_error_it_reads() throws Exception {
    // A hidden name: the loader would read a YAML document with a plain name as a spec.
    Files.createDirectories(dir.resolve(".openapi"));
    String document = ".openapi/petstore.yaml";
    Files.copy(Path.of("src/test/resources/openapi/petstore.yaml"), dir.resolve(document));
    engine(Specs.agent("tools: [{toolkit: store}, {toolkit: guarded}]", """
        turns:
          - tool_calls:
              - {name: showPetById, arguments: {petId: "7"}}
              - {name: listPets, arguments: {}}
          - content: done
        """) + "---\n" + Specs.HEADER + """
        kind: Toolkit
        metadata: {name: store}
        spec:
          openapi:
            document: %s
            server_url: %s/v1
            allow_private_addresses: true
          include_tools: [showPetById]
        ---
        """.formatted(document, api.url()) + Specs.HEADER + """
        kind: Toolkit
        metadata: {name: guarded}
        spec:
          openapi: {document: "%s", server_url: "%s/v1"}
          include_tools: [listPets]
        """.formatted(document, api.url()));

    RunOutput out = engine.run("agent", RunRequest.of("show pet 7"));

    assertThat(out.status()).as(out.contentText()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).extracting(ToolExecution::toolName).containsExactly("showPetById", "listPets");
    assertThat(out.tools()).extracting(ToolExecution::toolCallError).containsExactly(false, true);
    assertThat(out.tools().get(1).result()).contains("non-public address");
    assertThat(api.requests).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/v1/pets/7"));
  }
}
