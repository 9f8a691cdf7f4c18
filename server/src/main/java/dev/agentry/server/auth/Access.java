package dev.agentry.server.auth;

import io.javalin.security.RouteRole;
import java.util.Objects;

/**
 * What a route of the route table requires of its caller, declared beside it as a Javalin route role and enforced by
 * {@link ScopeCheck} ({@code agentos-api.md} §5.4). A route declares {@link #PUBLIC}, or one or more {@link Scope}s
 * and {@link Resource} checks; a route that declares nothing is a mistake, refused at run time and by the route
 * table's test.
 */
public sealed interface Access extends RouteRole {
  /** The marker of the routes that need no credential (Agno's default exclusions, §5.3). */
  Access PUBLIC = Public.PUBLIC;

  /** The scope {@code resource:action} the route needs (satisfied per resource under /agents, /teams, /workflows). */
  static Access scope(String value) {
    return new Scope(value);
  }

  /**
   * The route-level check of Agno's {@code require_resource_access(family, action)}: the caller must be allowed to
   * {@code action} the agent, team or workflow the path names, by {@code family:action}, {@code family:<id>:action}
   * or {@code family:*:action}.
   */
  static Access resource(String family, String action) {
    return new Resource(family, action);
  }

  /**
   * The scopes a token needs for a route declaring {@code access}: its scopes, and {@code family:action} for each
   * resource check (which the per-resource {@code family:<id>:action} or {@code family:*:action} also satisfies).
   */
  static java.util.List<String> scopes(java.util.List<Access> access) {
    java.util.List<String> scopes = new java.util.ArrayList<>();
    for (Access a : access) {
      switch (a) {
        case Scope scope -> scopes.add(scope.value());
        case Resource resource -> scopes.add(resource.family() + ":" + resource.action());
        case Public p -> { }
      }
    }
    return java.util.List.copyOf(new java.util.LinkedHashSet<>(scopes));
  }

  /** A public route: no credential, no scope. */
  enum Public implements Access { PUBLIC }

  /** A scope the route needs, e.g. {@code agents:read}. */
  record Scope(String value) implements Access {
    public Scope {
      Objects.requireNonNull(value);
      if (value.split(":", -1).length != 2) {
        throw new IllegalArgumentException("a route declares a global scope resource:action, not " + value);
      }
    }
  }

  /**
   * Run or read access to the agent, team or workflow the path names.
   *
   * @param family {@code agents}, {@code teams} or {@code workflows}
   * @param action {@code read} or {@code run}
   */
  record Resource(String family, String action) implements Access {
    public Resource {
      if (!Scopes.FAMILIES.containsKey(family)) {
        throw new IllegalArgumentException("not a resource family: " + family);
      }
      Objects.requireNonNull(action);
    }
  }
}
