package dev.agentry.server.auth;

import dev.agentry.engine.spec.AgentOsSpec;
import dev.agentry.server.AgentOs;

/**
 * The RBAC and isolation settings of the live {@code AgentOS} resource ({@code schemas/agentos.schema.json}
 * {@code authorization}, {@code authorization_config.admin_scope} and {@code authorization_config.user_isolation}),
 * read per request so that a reload can change them.
 *
 * @param enabled {@code authorization: true}: JWT scopes are enforced
 * @param adminScope the scope that grants everything ({@link Scopes#DEFAULT_ADMIN} unless set)
 * @param userIsolation {@code user_isolation: true}: a non-admin JWT caller sees only its own data
 */
public record AuthorizationSettings(boolean enabled, String adminScope, boolean userIsolation) {
  /** The settings of the live catalog. */
  public static AuthorizationSettings of(AgentOs os) {
    AgentOsSpec spec = os.osSpec();
    if (spec == null) {
      return new AuthorizationSettings(false, Scopes.DEFAULT_ADMIN, false);
    }
    // MERGE-I17-JWT: read authorization_config.admin_scope and user_isolation once H3's schema fields land
    String admin = Scopes.DEFAULT_ADMIN;
    boolean isolation = false;
    return new AuthorizationSettings(Boolean.TRUE.equals(spec.authorization()), admin, isolation);
  }
}
