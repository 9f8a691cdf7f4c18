package dev.agentry.server.auth;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The RBAC scope model of {@code agentos-api.md} §5.4 (Agno's {@code scopes.py}): global scopes
 * {@code resource:action}, per-resource scopes {@code resource:<id>:action}, wildcards {@code resource:*:action}, and
 * the admin scope that grants everything. The legacy resource {@code system} reads as {@code config}.
 */
public final class Scopes {
  /** The admin scope when {@code authorization_config.admin_scope} is not set. */
  public static final String DEFAULT_ADMIN = JwtSettings.DEFAULT_ADMIN_SCOPE;

  /** The families whose routes carry an id, with the singular the 403 texts use. */
  static final Map<String, String> FAMILIES = Map.of("agents", "agent", "teams", "team", "workflows", "workflow");

  /** What {@link #accessibleIds} answers when every resource of the family is accessible. */
  public static final String ALL = "*";

  private Scopes() {}

  /** One scope as granted or required; {@code kind} is admin, global, per-resource or unknown (matches nothing). */
  record Parsed(Kind kind, @Nullable String resource, @Nullable String resourceId, @Nullable String action) {
    boolean wildcard() {
      return ALL.equals(resourceId);
    }
  }

  enum Kind { ADMIN, GLOBAL, PER_RESOURCE, UNKNOWN }

  static Parsed parse(String scope, String admin) {
    if (scope.equals(admin)) {
      return new Parsed(Kind.ADMIN, null, null, null);
    }
    String[] parts = scope.split(":", -1);
    return switch (parts.length) {
      case 2 -> new Parsed(Kind.GLOBAL, alias(parts[0]), null, parts[1]);
      case 3 -> new Parsed(Kind.PER_RESOURCE, alias(parts[0]), parts[1], parts[2]);
      default -> new Parsed(Kind.UNKNOWN, null, null, null);
    };
  }

  /** True when {@code scopes} hold the admin scope {@code admin}. */
  public static boolean isAdmin(Collection<String> scopes, String admin) {
    return scopes.contains(admin);
  }

  /**
   * True when {@code scopes} satisfy every scope of {@code required}. Under {@code /agents|/teams|/workflows/<id>}
   * ({@code family} and {@code resourceId} given) a required {@code resource:action} is satisfied by the global scope,
   * {@code family:<id>:action} or {@code family:*:action}; elsewhere by the global scope or the wildcard.
   */
  public static boolean hasRequired(Collection<String> scopes, List<String> required, @Nullable String family,
      @Nullable String resourceId, String admin) {
    if (required.isEmpty()) {
      return true;
    }
    List<Parsed> granted = scopes.stream().map(s -> parse(s, admin)).toList();
    if (granted.stream().anyMatch(s -> s.kind() == Kind.ADMIN)) {
      return true;
    }
    for (String scope : required) {
      Parsed need = parse(scope, admin);
      if (need.kind() == Kind.GLOBAL && family != null && resourceId != null) {
        need = new Parsed(Kind.PER_RESOURCE, family, "<resource-id>", need.action());
      }
      Parsed wanted = need;
      if (granted.stream().noneMatch(s -> matches(s, wanted, resourceId))) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Parsed user, Parsed required, @Nullable String resourceId) {
    if (user.kind() == Kind.ADMIN) {
      return true;
    }
    if (user.kind() == Kind.UNKNOWN || required.kind() == Kind.UNKNOWN
        || !java.util.Objects.equals(user.resource(), required.resource())
        || !java.util.Objects.equals(user.action(), required.action())) {
      return false;
    }
    if (required.resourceId() != null) {
      return user.wildcard() || user.resourceId() == null || user.resourceId().equals(resourceId);
    }
    return user.resourceId() == null || user.wildcard();
  }

  /**
   * The ids of the {@code family} resources {@code scopes} give {@code action} on (any of read and run when
   * {@code action} is null), or {@code {"*"}} when they give it on all: the admin scope, the global scope or the
   * wildcard.
   */
  public static Set<String> accessibleIds(Collection<String> scopes, String family, @Nullable String action,
      String admin) {
    List<String> actions = action == null ? List.of("read", "run") : List.of(action);
    List<Parsed> granted = scopes.stream().map(s -> parse(s, admin)).toList();
    Set<String> ids = new HashSet<>();
    for (Parsed scope : granted) {
      if (scope.kind() == Kind.ADMIN) {
        return Set.of(ALL);
      }
      if (family.equals(scope.resource()) && actions.contains(scope.action())) {
        if (scope.resourceId() == null || scope.wildcard()) {
          return Set.of(ALL);
        }
        ids.add(scope.resourceId());
      }
    }
    return Set.copyOf(ids);
  }

  /** The 403 detail of a scope failure: {@code Insufficient permissions. Required scope(s): a, b}. */
  public static String insufficient(List<String> required) {
    return required.isEmpty() ? "Insufficient permissions"
        : "Insufficient permissions. Required scope(s): " + String.join(", ", required);
  }

  /** The 403 detail of the route-level resource check: {@code Access denied to run this agent}. */
  public static String accessDenied(String action, String family) {
    return "Access denied to " + action + " this " + FAMILIES.getOrDefault(family, family);
  }

  private static String alias(String resource) {
    return "system".equals(resource) ? "config" : resource;
  }
}
