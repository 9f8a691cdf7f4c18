package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a JWT's claims do to a run, observed in what the run stores: the user id claim (over the form's user_id), the
 * session id claim, the dependencies claims (passed to the run, here added to the model's context) and the
 * session-state claims (merged into the stored session state), each under a custom claim name.
 */
class JwtClaimsTest {
  static final String CONTEXT_AGENT = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: ctx}
      spec:
        model: input-echo
        add_dependencies_to_context: true
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: input-echo}
      spec:
        provider: scripted
        script:
          fallback: "{input}"
      """;
  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(Jwts.specs(Jwts.hs256Config() + """
        user_id_claim: email
        session_id_claim: sid
        scopes_claim: scope
        dependencies_claims: [tenant]
        session_state_claims: [plan, region]
        """));
    specs.put("ctx.yaml", CONTEXT_AGENT);
    server = TestServer.start(specs);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, Object> claims() {
    Map<String, Object> claims = Jwts.claims("subject-is-not-the-user");
    claims.put("email", "ada@example.com");
    claims.put("scope", "agents:read agents:run sessions:read");
    claims.put("tenant", "acme");
    claims.put("plan", "gold");
    claims.put("region", Map.of("name", "eu", "zone", 3));
    return claims;
  }

  private static JsonNode run(Map<String, Object> claims, Map<String, String> fields) {
    TestServer.Multipart body = TestServer.Multipart.of(fields);
    HttpResponse<String> response = server.send("POST", "/agents/ctx/runs",
        HttpRequest.BodyPublishers.ofByteArray(body.bytes()), body.contentType(),
        Map.of("Authorization", "Bearer " + Jwts.hs256(claims)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }

  private static JsonNode stored(String path, Map<String, Object> claims) {
    HttpResponse<String> response = server.send("GET", path, HttpRequest.BodyPublishers.noBody(), null,
        Map.of("Authorization", "Bearer " + Jwts.hs256(claims)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }

  @Test
  void the_claims_set_the_run_s_user_session_dependencies_and_session_state() {
    Map<String, Object> claims = claims();
    claims.put("sid", "claimed-session");
    JsonNode run = run(claims, Map.of("message", "hi", "stream", "false", "user_id", "mallory",
        "session_state", "{\"plan\": \"free\", \"theme\": \"dark\"}"));

    assertThat(run.path("user_id").asString()).isEqualTo("ada@example.com");
    assertThat(run.path("session_id").asString()).isEqualTo("claimed-session");
    assertThat(run.path("content").asString()).contains("\"tenant\":\"acme\"");

    JsonNode session = stored("/sessions/claimed-session?type=agent", claims);
    assertThat(session.path("user_id").asString()).isEqualTo("ada@example.com");
    JsonNode state = session.path("session_state");
    assertThat(state.path("plan").asString()).as("the claim over the form's value").isEqualTo("gold");
    assertThat(state.path("theme").asString()).as("the form's own keys kept").isEqualTo("dark");
    assertThat(state.path("region").path("name").asString()).isEqualTo("eu");
    assertThat(state.path("region").path("zone").asInt()).isEqualTo(3);
    JsonNode runs = stored("/sessions/claimed-session/runs?type=agent", claims);
    assertThat(runs.get(0).path("user_id").asString()).isEqualTo("ada@example.com");
  }

  @Test
  void the_session_id_claim_wins_over_the_form_s_as_in_agno_and_without_it_the_form_s_is_used() {
    Map<String, Object> claims = claims();
    claims.put("sid", "pinned");
    assertThat(run(claims, Map.of("message", "hi", "stream", "false", "session_id", "mine")).path("session_id")
        .asString()).isEqualTo("pinned");
    Map<String, Object> without = claims();
    assertThat(run(without, Map.of("message", "hi", "stream", "false", "session_id", "mine")).path("session_id")
        .asString()).isEqualTo("mine");
  }

  @Test
  void without_the_user_id_claim_the_form_s_user_id_is_kept() {
    Map<String, Object> claims = claims();
    claims.remove("email");
    assertThat(run(claims, Map.of("message", "hi", "stream", "false", "user_id", "form-user")).path("user_id")
        .asString()).isEqualTo("form-user");
  }
}
