package dev.agentry.server.auth;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who made a request, as the authentication before-handler found it ({@code agentos-api.md} §5.1): the holder of the
 * security key (full access, no scopes), or a JWT's subject with its scopes and claims. Requests on an open API, and
 * the public routes, carry none.
 *
 * @param userId the user the request acts for: the JWT's user id claim; null for the security key
 * @param scopes the scopes the JWT grants ({@code resource:action}, {@code resource:<id>:action},
 *     {@code resource:*:action}, the admin scope); empty for the security key
 * @param sessionId the JWT's session id claim, if any
 * @param dependencies the claims named by {@code dependencies_claims}, passed to runs as dependencies
 * @param sessionState the claims named by {@code session_state_claims}, merged into the runs' session state
 * @param fullAccess true for the security key and for the admin scope: no scope or user check applies
 */
public record Principal(@Nullable String userId, Set<String> scopes, @Nullable String sessionId,
    Map<String, Object> dependencies, Map<String, Object> sessionState, boolean fullAccess) {
  private static final String ATTRIBUTE = "agentry.principal";

  public Principal {
    scopes = Set.copyOf(scopes);
    dependencies = Map.copyOf(dependencies);
    sessionState = Map.copyOf(sessionState);
  }

  /** No one: the requests of an open API and of the public routes (no user, no scopes, no claims). */
  public static final Principal NOBODY = new Principal(null, Set.of(), null, Map.of(), Map.of(), false);

  /** The holder of the OS security key. */
  public static Principal securityKey() {
    return new Principal(null, Set.of(), null, Map.of(), Map.of(), true);
  }

  /** A run's user: the JWT's user when it names one (it overrides the request's, as in Agno), else {@code requested}. */
  public @Nullable String runUserId(@Nullable String requested) {
    return userId != null ? userId : requested;
  }

  /** A run's session: the JWT's session id claim when present (it wins, as in Agno), else {@code requested}. */
  public @Nullable String runSessionId(@Nullable String requested) {
    return sessionId != null ? sessionId : requested;
  }

  /** A run's dependencies: {@code requested} with the dependencies claims over it. */
  public @Nullable Map<String, Object> runDependencies(@Nullable Map<String, Object> requested) {
    return merge(requested, dependencies);
  }

  /** A run's session state: {@code requested} with the session-state claims over it. */
  public @Nullable Map<String, Object> runSessionState(@Nullable Map<String, Object> requested) {
    return merge(requested, sessionState);
  }

  private static @Nullable Map<String, Object> merge(@Nullable Map<String, Object> requested,
      Map<String, Object> claims) {
    if (claims.isEmpty()) {
      return requested;
    }
    Map<String, Object> merged = requested == null ? new LinkedHashMap<>() : new LinkedHashMap<>(requested);
    merged.putAll(claims);
    return merged;
  }

  /** The principal the authentication before-handler attached to {@code ctx}; empty on an open API or public route. */
  public static Optional<Principal> of(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }

  /** Attaches {@code principal} to the request (the authentication before-handler's job). */
  public static void attach(Context ctx, Principal principal) {
    ctx.attribute(ATTRIBUTE, principal);
  }
}
