package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * JWT authentication as Agno's AgentOS does it ({@code agentos-api.md} §5.1-5.3), over HTTP with tokens minted by
 * nimbus: HS256 and RS256 static keys, the 401 texts, leeway, audience, the security key beside JWTs, the excluded
 * routes, CORS on a 401.
 */
class JwtAuthTest {
  private static final String KEY = "the-security-key";
  static TestServer hs;
  static TestServer rs;

  @BeforeAll
  static void start() {
    hs = TestServer.start(Jwts.specs(Jwts.hs256Config() + "audience: test-os\n", "security_key: " + KEY));
    rs = TestServer.start(Jwts.specs(Jwts.rs256Config()));
  }

  @AfterAll
  static void stop() {
    hs.close();
    rs.close();
  }

  private static Map<String, Object> claims(String sub) {
    Map<String, Object> claims = Jwts.claims(sub, "agents:read");
    claims.put("aud", "test-os");
    return claims;
  }

  private static HttpResponse<String> get(TestServer server, String path, String token) {
    return server.send("GET", path, java.net.http.HttpRequest.BodyPublishers.noBody(), null, Map.of(
        "Authorization", "Bearer " + token));
  }

  private static String detail(HttpResponse<String> response) {
    return TestServer.json(response).path("detail").asString();
  }

  @Test
  void a_valid_hs256_token_is_let_through() {
    assertThat(get(hs, "/agents", Jwts.hs256(claims("ada"))).statusCode()).isEqualTo(200);
  }

  @Test
  void a_valid_rs256_token_is_let_through_and_the_raw_token_without_bearer_too() {
    String token = Jwts.rs256(Jwts.claims("ada", "agents:read"));
    assertThat(get(rs, "/agents", token).statusCode()).isEqualTo(200);
    assertThat(rs.send("GET", "/agents", java.net.http.HttpRequest.BodyPublishers.noBody(), null,
        Map.of("Authorization", token)).statusCode()).isEqualTo(200);
  }

  @Test
  void a_missing_header_is_401_authorization_header_missing() {
    HttpResponse<String> response = hs.get("/agents");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Authorization header missing\"}");
    assertThat(detail(rs.get("/sessions"))).isEqualTo("Authorization header missing");
  }

  @Test
  void an_expired_token_is_401_token_has_expired() {
    Map<String, Object> claims = claims("ada");
    claims.put("exp", Instant.now().getEpochSecond() - 11);
    HttpResponse<String> response = get(hs, "/agents", Jwts.hs256(claims));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(detail(response)).isEqualTo("Token has expired");
  }

  @Test
  void a_token_expired_within_the_leeway_of_10_s_is_let_through() {
    Map<String, Object> claims = claims("ada");
    claims.put("exp", Instant.now().getEpochSecond() - 5);
    assertThat(get(hs, "/agents", Jwts.hs256(claims)).statusCode()).isEqualTo(200);
    claims.put("exp", Instant.now().getEpochSecond() + 3600);
    claims.put("nbf", Instant.now().getEpochSecond() + 5);
    assertThat(get(hs, "/agents", Jwts.hs256(claims)).statusCode()).isEqualTo(200);
  }

  @Test
  void a_token_not_yet_valid_is_401() {
    Map<String, Object> claims = claims("ada");
    claims.put("nbf", Instant.now().getEpochSecond() + 120);
    HttpResponse<String> response = get(hs, "/agents", Jwts.hs256(claims));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(detail(response)).isEqualTo("Invalid token: The token is not yet valid (nbf)");
  }

  @Test
  void a_token_for_another_audience_is_401_and_one_without_aud_too() {
    Map<String, Object> claims = claims("ada");
    claims.put("aud", List.of("other-os"));
    HttpResponse<String> response = get(hs, "/agents", Jwts.hs256(claims));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(detail(response)).isEqualTo("Invalid token audience - token not valid for this AgentOS instance");
    claims.remove("aud");
    assertThat(detail(get(hs, "/agents", Jwts.hs256(claims)))).isEqualTo("Invalid token: Token is missing the \"aud\" "
        + "claim. Audience verification requires this claim to be present in the token.");
    claims.put("aud", List.of("other-os", "test-os"));
    assertThat(get(hs, "/agents", Jwts.hs256(claims)).statusCode()).isEqualTo(200);
  }

  @Test
  void a_token_signed_with_another_key_is_401_signature_verification_failed() {
    String other = Jwts.sign(JWSAlgorithm.HS256, null, claims("ada"),
        Jwts.signer("another-secret-another-secret-an"));
    HttpResponse<String> response = get(hs, "/agents", other);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(detail(response)).isEqualTo("Invalid token: Signature verification failed");
    assertThat(detail(get(rs, "/agents", Jwts.rs256(Jwts.rsa("rsa-1"), Jwts.claims("ada")))))
        .isEqualTo("Invalid token: Signature verification failed");
  }

  @Test
  void alg_none_and_an_algorithm_other_than_the_configured_one_are_refused() {
    assertThat(detail(get(hs, "/agents", Jwts.none(claims("ada")))))
        .isEqualTo("Invalid token: The specified alg value is not allowed");
    assertThat(detail(get(rs, "/agents", Jwts.none(Jwts.claims("ada")))))
        .isEqualTo("Invalid token: The specified alg value is not allowed");
    // an HS256 token "signed" with the RSA public key's text: the classic algorithm confusion
    String confused = Jwts.sign(JWSAlgorithm.HS256, null, Jwts.claims("ada"), Jwts.signer(Jwts.rsaPem()));
    assertThat(detail(get(rs, "/agents", confused))).isEqualTo("Invalid token: The specified alg value is not allowed");
    assertThat(detail(get(hs, "/agents", Jwts.rs256(claims("ada")))))
        .isEqualTo("Invalid token: The specified alg value is not allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a.b", "a.b.c.d"})
  void a_malformed_token_is_401_invalid_token(String token) {
    HttpResponse<String> response = get(hs, "/agents", token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(detail(response)).startsWith("Invalid token: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sa:robot", "__oauth__:client", "__scheduler__"})
  void a_reserved_subject_is_401_invalid_token_subject(String subject) {
    HttpResponse<String> response = get(hs, "/agents", Jwts.hs256(claims(subject)));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(detail(response)).isEqualTo("Invalid token subject");
  }

  @Test
  void the_security_key_works_beside_jwts() {
    assertThat(get(hs, "/agents", KEY).statusCode()).isEqualTo(200);
    assertThat(detail(get(hs, "/agents", KEY + "x"))).startsWith("Invalid token: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/health", "/health/", "/info", "/info/", "/docs", "/openapi.json"})
  void the_excluded_routes_need_no_token(String path) {
    assertThat(hs.get(path).statusCode()).isEqualTo(200);
  }

  @Test
  void a_preflight_needs_no_token_and_a_401_carries_the_cors_headers() {
    HttpResponse<String> preflight = hs.send("OPTIONS", "/agents", java.net.http.HttpRequest.BodyPublishers.noBody(),
        null, Map.of("Origin", "http://localhost:3000", "Access-Control-Request-Method", "GET"));
    assertThat(preflight.statusCode()).isEqualTo(200);
    HttpResponse<String> refused = hs.send("GET", "/agents", java.net.http.HttpRequest.BodyPublishers.noBody(), null,
        Map.of("Origin", "http://localhost:3000"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    HttpResponse<String> expired = hs.send("GET", "/agents", java.net.http.HttpRequest.BodyPublishers.noBody(), null,
        Map.of("Origin", "http://localhost:3000", "Authorization", "Bearer " + Jwts.hs256(Map.of("sub", "ada",
            "exp", Instant.now().getEpochSecond() - 60))));
    assertThat(detail(expired)).isEqualTo("Token has expired");
    assertThat(expired.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
  }

  @Test
  void info_reports_auth_mode_jwt() {
    assertThat(TestServer.json(hs.get("/info")).path("auth_mode").asString()).isEqualTo("jwt");
    assertThat(TestServer.json(rs.get("/info")).path("auth_mode").asString()).isEqualTo("jwt");
  }

  @Test
  void a_run_belongs_to_the_token_s_user_whatever_the_form_says() {
    Map<String, String> form = new HashMap<>(Map.of("message", "hi", "stream", "false", "user_id", "mallory"));
    TestServer.Multipart body = TestServer.Multipart.of(form);
    HttpResponse<String> response = rs.send("POST", "/agents/echo/runs",
        java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.bytes()), body.contentType(), Map.of("Authorization", "Bearer " + Jwts.rs256(Jwts.claims("ada", "agents:run"))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode run = TestServer.json(response);
    assertThat(run.path("user_id").asString()).isEqualTo("ada");
  }
}
