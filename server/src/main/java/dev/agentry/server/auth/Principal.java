package dev.agentry.server.auth;

import io.javalin.http.Context;
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

  /** The holder of the OS security key. */
  public static Principal securityKey() {
    return new Principal(null, Set.of(), null, Map.of(), Map.of(), true);
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
