package dev.agentry.server.auth;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.engine.spec.Secret;
import dev.agentry.server.AgentOs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the API is protected right now ({@code agentos-api.md} §5.1), from the live {@code AgentOS} resource and the
 * environment: JWTs when {@code authorization} is true or {@code JWT_VERIFICATION_KEY} / {@code JWT_JWKS_FILE} is
 * set, the security key (which also works beside JWTs), or nothing. Built once per configuration and cached, so that
 * key parsing and JWKS caching happen once, and rebuilt when a reload changes the {@code AgentOS} resource.
 *
 * @param jwt the JWT verifier; null when JWTs are not in use
 * @param securityKey the OS security key; null when none is set
 * @param authorization true when the JWTs' scopes are checked (RBAC): {@code authorization: true}
 * @param adminScope the scope that grants every permission
 * @param userIsolation true when a JWT's user only sees their own data
 * @param problem why the configuration cannot be used (a bad key, a missing JWKS file): every protected request is
 *     then refused with a 503, and the server refuses to start
 */
public record AuthSettings(@Nullable JwtVerifier jwt, @Nullable String securityKey, boolean authorization,
    String adminScope, boolean userIsolation, @Nullable String problem) {
  private static final Logger LOG = LoggerFactory.getLogger(AuthSettings.class);
  private static final Map<Key, AuthSettings> CACHE = new ConcurrentHashMap<>();

  /** What one configuration is made of: a spec, where its relative paths start, the environment it read. */
  private record Key(@Nullable AgentOsSpec spec, String osId, Path root, @Nullable String envKey,
      @Nullable String envJwks, @Nullable String envSecurityKey) {}

  private record Last(Key key, AuthSettings settings) {}

  private static volatile @Nullable Last LAST;

  /** The API is open. */
  public static final AuthSettings NONE = new AuthSettings(null, null, false, JwtSettings.DEFAULT_ADMIN_SCOPE, false,
      null);

  /** {@code GET /info}'s {@code auth_mode}: {@code "jwt"}, {@code "security_key"} or {@code "none"}. */
  public String mode() {
    return jwt != null || problem != null ? "jwt" : securityKey != null ? "security_key" : "none";
  }

  /** True when a request must authenticate. */
  public boolean protects() {
    return jwt != null || securityKey != null || problem != null;
  }

  /** One line for the start-up log: the mode and its settings, never a key. */
  public String describe() {
    if (jwt == null) {
      return mode().equals("none") ? "none (the API is open)" : "security key";
    }
    JwtSettings s = jwt.settings();
    return "JWT " + s.algorithm() + " (" + s.verificationKeys().size() + " static key(s)"
        + (s.jwksFile() == null ? "" : ", JWKS file " + s.jwksFile()) + (s.jwksUrl() == null ? "" : ", JWKS URL "
        + s.jwksUrl()) + (s.audience().isEmpty() ? "" : ", audience " + s.audience()) + ", leeway "
        + s.leewaySeconds() + " s)" + (securityKey == null ? "" : ", and the security key")
        + (authorization ? ", scopes checked" : ", scopes not checked (authorization is false)");
  }

  /**
   * The settings of the live configuration of {@code os}.
   *
   * @throws IllegalArgumentException when the configuration cannot be used (a bad key, a missing JWKS file); the
   *     spec compiler reports the same problems at their position, so this surfaces at start for the environment's
   */
  public static AuthSettings of(AgentOs os) {
    Path specs = os.settings().specs();
    Path root = Files.isDirectory(specs) ? specs : specs.toAbsolutePath().getParent();
    return of(os.osSpec(), os.osId(), root, System::getenv);
  }

  /** As {@link #of(AgentOs)}, for a spec, an AgentOS id, a spec root and an environment. */
  public static AuthSettings of(@Nullable AgentOsSpec spec, String osId, Path root, UnaryOperator<String> env) {
    Key key = new Key(spec, osId, root, blankToNull(env.apply("JWT_VERIFICATION_KEY")),
        blankToNull(env.apply("JWT_JWKS_FILE")), blankToNull(env.apply("OS_SECURITY_KEY")));
    Last last = LAST;
    if (last != null && last.key().spec() == spec && last.key().equals(key)) {
      return last.settings(); // the common case: the same live spec as the request before
    }
    AuthSettings cached = CACHE.get(key);
    if (cached != null) {
      LAST = new Last(key, cached);
      return cached;
    }
    AuthSettings built = build(key);
    if (CACHE.size() > 32) {
      CACHE.clear(); // specs changed many times (reloads): drop the old configurations
    }
    CACHE.put(key, built);
    LAST = new Last(key, built);
    return built;
  }

  private static AuthSettings build(Key key) {
    AgentOsSpec spec = key.spec();
    String securityKey = spec != null && spec.securityKey() != null && !spec.securityKey().value().isBlank()
        ? spec.securityKey().value() : key.envSecurityKey();
    AgentOsSpec.AuthorizationConfig config = spec == null ? null : spec.authorizationConfig();
    boolean authorization = spec != null && Boolean.TRUE.equals(spec.authorization());
    String adminScope = config != null && config.adminScope() != null && !config.adminScope().isBlank()
        ? config.adminScope() : JwtSettings.DEFAULT_ADMIN_SCOPE;
    boolean userIsolation = config != null && Boolean.TRUE.equals(config.userIsolation());
    boolean jwtOn = authorization || key.envKey() != null || key.envJwks() != null;
    try {
      JwtVerifier jwt = jwtOn ? JwtVerifier.create(jwtSettings(key, config, adminScope), Clock.systemUTC()) : null;
      return new AuthSettings(jwt, securityKey, authorization, adminScope, userIsolation, null);
    } catch (IllegalArgumentException e) {
      LOG.error("API authentication is misconfigured, every protected request is refused: {}", e.getMessage());
      return new AuthSettings(null, securityKey, authorization, adminScope, userIsolation, e.getMessage());
    }
  }

  private static JwtSettings jwtSettings(Key key, AgentOsSpec.@Nullable AuthorizationConfig config,
      String adminScope) {
    List<String> keys = new ArrayList<>();
    if (config != null && config.verificationKeys() != null) {
      config.verificationKeys().stream().map(Secret::value).filter(k -> !k.isBlank()).forEach(keys::add);
    }
    if (key.envKey() != null && !keys.contains(key.envKey())) {
      keys.add(key.envKey());
    }
    String file = config != null && config.jwksFile() != null && !config.jwksFile().isBlank() ? config.jwksFile()
        : key.envJwks();
    Path jwksFile = file == null ? null : key.root().resolve(file);
    URI jwksUrl = config != null && config.jwksUrl() != null && !config.jwksUrl().isBlank()
        ? URI.create(config.jwksUrl().strip()) : null;
    String algorithm = config != null && config.algorithm() != null ? config.algorithm() : "RS256";
    return new JwtSettings(algorithm, keys, jwksFile, jwksUrl, audience(key, config),
        config != null && config.leeway() != null ? config.leeway() : 10,
        or(config == null ? null : config.userIdClaim(), "sub"),
        or(config == null ? null : config.sessionIdClaim(), "session_id"),
        or(config == null ? null : config.scopesClaim(), "scopes"),
        config == null || config.dependenciesClaims() == null ? List.of() : config.dependenciesClaims(),
        config == null || config.sessionStateClaims() == null ? List.of() : config.sessionStateClaims(),
        adminScope);
  }

  /** verify_audience true: the audience, else the AgentOS id; false: none; unset: the audience when set (§5.1). */
  private static List<String> audience(Key key, AgentOsSpec.@Nullable AuthorizationConfig config) {
    String audience = config == null ? null : blankToNull(config.audience());
    Boolean verify = config == null ? null : config.verifyAudience();
    if (Boolean.FALSE.equals(verify)) {
      return List.of();
    }
    if (Boolean.TRUE.equals(verify)) {
      return List.of(audience != null ? audience : key.osId());
    }
    return audience == null ? List.of() : List.of(audience);
  }

  private static String or(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "AuthSettings[mode=" + mode() + ", authorization=" + authorization + ", adminScope=" + adminScope
        + ", userIsolation=" + userIsolation + "]"; // never the key
  }
}
