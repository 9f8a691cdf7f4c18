package dev.agentry.server.auth;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentry.server.auth.internal.JwksFile;
import dev.agentry.server.auth.internal.JwksUrl;
import dev.agentry.server.auth.internal.KeySource;
import dev.agentry.server.auth.internal.Keys;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Verifies JWTs as Agno's {@code JWTValidator} does ({@code agentos-api.md} §5.1) and turns their claims into a
 * {@link Principal}: only the configured algorithm (so never {@code none}), the JWKS keys by {@code kid} first, then
 * the static keys in order; {@code exp}, {@code nbf} and {@code iat} with the leeway; the audience when asked; the
 * reserved subjects ({@code sa:...}, {@code __oauth__:...}, {@code __scheduler__}) refused. Built once per
 * configuration: the verifiers of the static keys are made here, and the key sources cache theirs.
 */
public final class JwtVerifier {
  private static final String SERVICE_ACCOUNT_PREFIX = "sa:";
  private static final String OAUTH_PREFIX = "__oauth__:";
  private static final String SCHEDULER = "__scheduler__";

  private final JwtSettings settings;
  private final JWSAlgorithm algorithm;
  private final List<JWSVerifier> staticKeys;
  private final List<KeySource> sources;
  private final Clock clock;

  private JwtVerifier(JwtSettings settings, List<JWSVerifier> staticKeys, List<KeySource> sources, Clock clock) {
    this.settings = settings;
    this.algorithm = JWSAlgorithm.parse(settings.algorithm());
    this.staticKeys = List.copyOf(staticKeys);
    this.sources = List.copyOf(sources);
    this.clock = clock;
  }

  /**
   * Builds the verifier: parses every static key and reads the JWKS file now (the JWKS URL is fetched on first use).
   *
   * @throws IllegalArgumentException with a message naming the key or file at fault, when one cannot be used or
   *     when there is no key source at all
   */
  public static JwtVerifier create(JwtSettings settings, Clock clock) {
    JWSAlgorithm algorithm = JWSAlgorithm.parse(settings.algorithm());
    if (!JWSAlgorithm.Family.SIGNATURE.contains(algorithm) && !JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
      throw new IllegalArgumentException("unsupported JWT algorithm '" + settings.algorithm() + "'");
    }
    List<JWSVerifier> keys = new ArrayList<>();
    for (int i = 0; i < settings.verificationKeys().size(); i++) {
      keys.add(Keys.verifier(algorithm, settings.verificationKeys().get(i), "verification key " + (i + 1)));
    }
    List<KeySource> sources = new ArrayList<>();
    if (settings.jwksFile() != null) {
      sources.add(JwksFile.open(algorithm, settings.jwksFile()));
    }
    if (settings.jwksUrl() != null) {
      sources.add(new JwksUrl(algorithm, settings.jwksUrl(), clock));
    }
    if (keys.isEmpty() && sources.isEmpty()) {
      throw new IllegalArgumentException("JWT verification needs a key: set authorization_config.verification_keys, "
          + "jwks_file or jwks_url, or JWT_VERIFICATION_KEY or JWT_JWKS_FILE");
    }
    return new JwtVerifier(settings, keys, sources, clock);
  }

  /** The settings this verifier was built from. */
  public JwtSettings settings() {
    return settings;
  }

  /**
   * The principal {@code token} proves.
   *
   * @throws JwtRejected with Agno's status and text when the token is malformed, signed otherwise, expired, not yet
   *     valid, for another audience or for a reserved subject
   */
  public Principal verify(String token) throws JwtRejected {
    JWTClaimsSet claims = verifiedClaims(token);
    checkTimes(claims);
    checkAudience(claims);
    Object subject = claims.getClaim(settings.userIdClaim());
    String userId = subject == null ? null : subject.toString();
    if (userId != null && (userId.startsWith(SERVICE_ACCOUNT_PREFIX) || userId.startsWith(OAUTH_PREFIX)
        || userId.equals(SCHEDULER))) {
      throw JwtRejected.subject();
    }
    Object session = claims.getClaim(settings.sessionIdClaim());
    Set<String> scopes = scopes(claims.getClaim(settings.scopesClaim()));
    return new Principal(userId, scopes, session == null ? null : session.toString(),
        pick(claims, settings.dependenciesClaims()), pick(claims, settings.sessionStateClaims()),
        scopes.contains(settings.adminScope()));
  }

  private JWTClaimsSet verifiedClaims(String token) throws JwtRejected {
    if (token.chars().filter(c -> c == '.').count() != 2) {
      throw JwtRejected.invalid("Not enough segments");
    }
    SignedJWT jwt;
    JWSHeader header;
    try {
      Header parsed = Header.parse(Base64URL.from(token.substring(0, token.indexOf('.'))));
      if (!(parsed instanceof JWSHeader jws) || !algorithm.equals(jws.getAlgorithm())) {
        throw JwtRejected.invalid("The specified alg value is not allowed"); // alg "none" included
      }
      header = jws;
    } catch (ParseException e) {
      throw JwtRejected.invalid("Invalid header string: " + e.getMessage());
    }
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw JwtRejected.invalid("Invalid payload: " + e.getMessage());
    }
    for (JWSVerifier verifier : candidates(header.getKeyID())) {
      try {
        if (jwt.verify(verifier)) {
          return jwt.getJWTClaimsSet();
        }
      } catch (JOSEException e) {
        // a key that cannot check this signature: try the next
      } catch (ParseException e) {
        throw JwtRejected.invalid("Invalid payload: " + e.getMessage());
      }
    }
    if (staticKeys.isEmpty() && header.getKeyID() != null && noSourceHolds(header.getKeyID())) {
      throw JwtRejected.invalid("Unable to find a signing key that matches: \"" + header.getKeyID() + "\"");
    }
    throw JwtRejected.invalid("Signature verification failed");
  }

  private List<JWSVerifier> candidates(@Nullable String kid) throws JwtRejected {
    List<JWSVerifier> found = new ArrayList<>(staticKeys.size() + 1);
    for (KeySource source : sources) {
      try {
        JWSVerifier verifier = source.find(kid);
        if (verifier != null) {
          found.add(verifier);
        }
      } catch (KeySource.KeysUnavailable e) {
        if (staticKeys.isEmpty()) {
          throw JwtRejected.unavailable();
        }
      }
    }
    found.addAll(staticKeys);
    return found;
  }

  private boolean noSourceHolds(String kid) {
    for (KeySource source : sources) {
      try {
        if (source.find(kid) != null) {
          return false;
        }
      } catch (KeySource.KeysUnavailable e) {
        return false;
      }
    }
    return true;
  }

  private void checkTimes(JWTClaimsSet claims) throws JwtRejected {
    Instant now = clock.instant();
    long leeway = settings.leewaySeconds();
    try {
      Date exp = claims.getDateClaim("exp");
      if (exp != null && !now.isBefore(exp.toInstant().plusSeconds(leeway))) {
        throw JwtRejected.expired();
      }
      Date nbf = claims.getDateClaim("nbf");
      if (nbf != null && now.plusSeconds(leeway).isBefore(nbf.toInstant())) {
        throw JwtRejected.invalid("The token is not yet valid (nbf)");
      }
      Date iat = claims.getDateClaim("iat");
      if (iat != null && now.plusSeconds(leeway).isBefore(iat.toInstant())) {
        throw JwtRejected.invalid("The token is not yet valid (iat)");
      }
    } catch (ParseException e) {
      throw JwtRejected.invalid(e.getMessage());
    }
  }

  private void checkAudience(JWTClaimsSet claims) throws JwtRejected {
    if (settings.audience().isEmpty()) {
      return;
    }
    List<String> audience = claims.getAudience();
    if (claims.getClaim("aud") == null || audience.isEmpty()) {
      throw JwtRejected.invalid("Token is missing the \"aud\" claim. Audience verification requires this claim to be "
          + "present in the token.");
    }
    if (audience.stream().noneMatch(settings.audience()::contains)) {
      throw JwtRejected.audience();
    }
  }

  /** Scopes as a list, or as one space-separated text (OAuth's {@code scope} claim). */
  private static Set<String> scopes(@Nullable Object claim) {
    Set<String> scopes = new LinkedHashSet<>();
    if (claim instanceof String text) {
      for (String scope : text.strip().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    } else if (claim instanceof Collection<?> list) {
      for (Object scope : list) {
        if (scope != null) {
          scopes.add(scope.toString());
        }
      }
    }
    return scopes;
  }

  private static Map<String, Object> pick(JWTClaimsSet claims, List<String> names) {
    Map<String, Object> picked = new LinkedHashMap<>();
    for (String name : names) {
      Object value = claims.getClaim(name);
      if (value != null) {
        picked.put(name, value);
      }
    }
    return picked;
  }
}
