package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Where the keys come from: an ES256 PEM key, a JWKS file rewritten to rotate its keys, a JWKS URL served by a small
 * local HTTP server whose key set rotates (a new kid found by fetching again, the old one then refused; fetches for
 * unknown kids rate-limited).
 */
class JwtKeySourcesTest {
  private static int get(TestServer server, String token) {
    return server.send("GET", "/agents", HttpRequest.BodyPublishers.noBody(), null,
        Map.of("Authorization", "Bearer " + token)).statusCode();
  }

  private static String detail(TestServer server, String token) {
    HttpResponse<String> response = server.send("GET", "/agents", HttpRequest.BodyPublishers.noBody(), null,
        Map.of("Authorization", "Bearer " + token));
    return TestServer.json(response).path("detail").asString();
  }

  private static String jwks(RSAKey... keys) {
    return new JWKSet(List.of(keys).stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
        .toString();
  }

  @Test
  void es256_with_a_pem_key() throws Exception {
    String config = "algorithm: ES256\nverification_keys:\n  - |\n"
        + Jwts.pem(Jwts.EC.toPublicKey()).indent(4);
    try (TestServer server = TestServer.start(Jwts.specs(config))) {
      assertThat(get(server, Jwts.es256(Jwts.claims("ada", "agents:read")))).isEqualTo(200);
      assertThat(detail(server, Jwts.rs256(Jwts.claims("ada", "agents:read"))))
          .isEqualTo("Invalid token: The specified alg value is not allowed");
    }
  }

  @Test
  void a_jwks_file_rewritten_with_a_new_key_rotates_the_keys() throws Exception {
    RSAKey first = Jwts.rsa("k1");
    RSAKey second = Jwts.rsa("k2");
    Map<String, String> specs = new java.util.HashMap<>(Jwts.specs("jwks_file: keys/jwks.json\n"));
    specs.put("keys/jwks.json", jwks(first));
    try (TestServer server = TestServer.start(specs)) {
      assertThat(get(server, Jwts.rs256(first, Jwts.claims("ada", "agents:read")))).isEqualTo(200);
      assertThat(detail(server, Jwts.rs256(second, Jwts.claims("ada", "agents:read"))))
          .isEqualTo("Invalid token: Unable to find a signing key that matches: \"k2\"");

      Path file = server.specDir().resolve("keys/jwks.json");
      Files.writeString(file, jwks(second), StandardCharsets.UTF_8);
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

      assertThat(get(server, Jwts.rs256(second, Jwts.claims("ada", "agents:read")))).isEqualTo(200);
      assertThat(detail(server, Jwts.rs256(first, Jwts.claims("ada", "agents:read"))))
          .isEqualTo("Invalid token: Unable to find a signing key that matches: \"k1\"");
    }
  }

  @Test
  void a_jwks_url_is_fetched_again_for_a_new_kid_and_an_old_one_is_then_refused() throws Exception {
    RSAKey first = Jwts.rsa("url-1");
    RSAKey second = Jwts.rsa("url-2");
    AtomicReference<String> served = new AtomicReference<>(jwks(first));
    AtomicInteger fetches = new AtomicInteger();
    HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext("/jwks.json", exchange -> {
      fetches.incrementAndGet();
      byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    idp.start();
    String url = "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks.json";
    try (TestServer server = TestServer.start(Jwts.specs("jwks_url: " + url + "\n"))) {
      assertThat(fetches.get()).as("fetched on first use, not at start").isZero();
      assertThat(get(server, Jwts.rs256(first, Jwts.claims("ada", "agents:read")))).isEqualTo(200);
      assertThat(get(server, Jwts.rs256(first, Jwts.claims("bob", "agents:read")))).isEqualTo(200);
      assertThat(fetches.get()).as("cached").isEqualTo(1);

      served.set(jwks(second)); // the provider rotates: url-2 in, url-1 out
      assertThat(get(server, Jwts.rs256(second, Jwts.claims("ada", "agents:read")))).isEqualTo(200);
      assertThat(fetches.get()).as("an unknown kid fetches again").isEqualTo(2);
      assertThat(detail(server, Jwts.rs256(first, Jwts.claims("ada", "agents:read"))))
          .isEqualTo("Invalid token: Unable to find a signing key that matches: \"url-1\"");
      assertThat(detail(server, Jwts.rs256(Jwts.rsa("made-up"), Jwts.claims("ada", "agents:read"))))
          .isEqualTo("Invalid token: Unable to find a signing key that matches: \"made-up\"");
      assertThat(fetches.get()).as("unknown kids fetch at most once per 30 s").isEqualTo(2);
    } finally {
      idp.stop(0);
    }
  }

  @Test
  void a_jwks_url_that_does_not_answer_is_a_503_not_a_401() throws IOException {
    HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext("/jwks.json", exchange -> {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    idp.start();
    String url = "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks.json";
    try (TestServer server = TestServer.start(Jwts.specs("jwks_url: " + url + "\n"))) {
      HttpResponse<String> response = server.send("GET", "/agents", HttpRequest.BodyPublishers.noBody(), null,
          Map.of("Authorization", "Bearer " + Jwts.rs256(Jwts.claims("ada", "agents:read"))));
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).isEqualTo("{\"detail\":\"Authentication is temporarily unavailable\"}");
    } finally {
      idp.stop(0);
    }
  }
}
