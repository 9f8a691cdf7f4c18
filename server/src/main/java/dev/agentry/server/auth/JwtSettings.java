package dev.agentry.server.auth;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How JWTs are verified and what their claims mean: the resolved {@code authorization_config} of the {@code AgentOS}
 * resource, with Agno's environment variables ({@code JWT_VERIFICATION_KEY}, {@code JWT_JWKS_FILE}) folded in.
 *
 * @param algorithm the one JWS algorithm accepted ({@code RS256}, {@code HS256}, {@code ES256}, ...)
 * @param verificationKeys PEM public keys or certificates, JWKs as JSON, or HS shared secrets, tried in order
 * @param jwksFile a JWKS file whose keys are matched by {@code kid}, read again when it changes
 * @param jwksUrl a JWKS URL whose keys are matched by {@code kid}, cached and fetched again on an unknown {@code kid}
 * @param audience the audiences one of which the {@code aud} claim must hold; empty: not checked
 * @param leewaySeconds clock skew allowed on {@code exp}, {@code nbf} and {@code iat}
 * @param userIdClaim the claim holding the user id
 * @param sessionIdClaim the claim holding the session id
 * @param scopesClaim the claim holding the scopes (a list or a space-separated text)
 * @param dependenciesClaims claims passed to runs as dependencies
 * @param sessionStateClaims claims merged into the runs' session state
 * @param adminScope the scope that grants full access
 */
public record JwtSettings(
    String algorithm,
    List<String> verificationKeys,
    @Nullable Path jwksFile,
    @Nullable URI jwksUrl,
    List<String> audience,
    long leewaySeconds,
    String userIdClaim,
    String sessionIdClaim,
    String scopesClaim,
    List<String> dependenciesClaims,
    List<String> sessionStateClaims,
    String adminScope) {
  /** Agno's default admin scope. */
  public static final String DEFAULT_ADMIN_SCOPE = "agent_os:admin";

  public JwtSettings {
    verificationKeys = List.copyOf(verificationKeys);
    audience = List.copyOf(audience);
    dependenciesClaims = List.copyOf(dependenciesClaims);
    sessionStateClaims = List.copyOf(sessionStateClaims);
  }

  /** Agno's defaults around the given algorithm and keys: claims sub, session_id and scopes, leeway 10 s. */
  public static JwtSettings of(String algorithm, List<String> verificationKeys) {
    return new JwtSettings(algorithm, verificationKeys, null, null, List.of(), 10, "sub", "session_id", "scopes",
        List.of(), List.of(), DEFAULT_ADMIN_SCOPE);
  }

  /** These settings checking the {@code aud} claim against {@code expected}. */
  public JwtSettings withAudience(List<String> expected) {
    return new JwtSettings(algorithm, verificationKeys, jwksFile, jwksUrl, expected, leewaySeconds, userIdClaim,
        sessionIdClaim, scopesClaim, dependenciesClaims, sessionStateClaims, adminScope);
  }
}
