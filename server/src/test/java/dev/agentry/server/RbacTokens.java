package dev.agentry.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HS256 tokens for the RBAC and isolation tests, and a server spec folder with {@code authorization: true}: a
 * scripted agent {@code echo} and {@code other}, a team {@code desk} and a workflow {@code pipeline}.
 */
final class RbacTokens {
  static final String SECRET = "rbac-test-secret-that-is-long-enough-for-hs256";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RbacTokens() {}

  /** The spec files of a server with JWT authorization; {@code isolation} turns on user_isolation. */
  static Map<String, String> specs(boolean isolation) {
    Map<String, String> files = new HashMap<>(TestServer.SPECS);
    files.put("os.yaml", TestServer.SPECS.get("os.yaml").replace("  name: Test OS\n", """
          name: Test OS
          authorization: true
          authorization_config:
            verification_keys: ["%s"]
            algorithm: HS256
            user_isolation: %s
        """.formatted(SECRET, isolation)));
    files.put("more.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: other}
        spec:
          name: Other
          model: echo-model
        ---
        apiVersion: agentry.dev/v1
        kind: Team
        metadata: {name: desk}
        spec:
          name: Desk
          model: echo-model
          members: [{agent: echo}]
        ---
        apiVersion: agentry.dev/v1
        kind: Workflow
        metadata: {name: pipeline}
        spec:
          name: Pipeline
          db: local-db
          steps:
            - name: greet
              agent: echo
        """);
    return files;
  }

  /** A signed token for {@code subject} with {@code scopes}, valid for an hour. */
  static String token(String subject, List<String> scopes) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject);
    claims.put("scopes", scopes);
    claims.put("iat", Instant.now().getEpochSecond());
    claims.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
    return sign(claims);
  }

  static String sign(Map<String, Object> claims) {
    try {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
      String payload = b64.encodeToString(TestServer.JSON.writeValueAsBytes(claims));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String signature = b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
      return header + "." + payload + "." + signature;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A multipart form POST with its own bearer token, as Agent UI sends runs. */
  static HttpResponse<String> form(TestServer server, String path, String token, Map<String, String> fields) {
    return form(server, "POST", path, token, fields);
  }

  /** A multipart form request of any method with its own bearer token. */
  static HttpResponse<String> form(TestServer server, String method, String path, String token,
      Map<String, String> fields) {
    TestServer.Multipart body = TestServer.Multipart.of(fields);
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", body.contentType()).header("Authorization", "Bearer " + token)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One request with its own bearer token (none when null); a body is sent as JSON. */
  static HttpResponse<String> call(TestServer server, String method, String path, @Nullable String token,
      @Nullable String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
