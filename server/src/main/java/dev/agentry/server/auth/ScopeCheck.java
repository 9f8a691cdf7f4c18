package dev.agentry.server.auth;

import dev.agentry.server.AgentOs;
import dev.agentry.server.http.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RBAC check of every route ({@code agentos-api.md} §5.4), a before-matched handler that reads the route's
 * {@link Access} roles: with {@code authorization: true}, a JWT caller must hold the route's scopes (403 "Insufficient
 * permissions. Required scope(s): ...") and pass its resource checks (403 "Access denied to run this agent"). The
 * security key and the admin scope pass everything; a request without a principal (an open API, a public route) is
 * not checked. A listing of agents, teams or workflows lets a caller with only per-resource scopes through and
 * filters the list to them ({@link #visible}).
 */
public final class ScopeCheck {
  private static final String VISIBLE = "agentry.visible";
  /** Agno's {@code get_resource_context_from_path}: the family is the first segment, the id the second. */
  private static final Pattern FAMILY = Pattern.compile("^/(agents|teams|workflows)(?:/([^/]+))?");

  private ScopeCheck() {}

  /** The before-matched handler: throws the contract's 403 when the caller may not use the matched route. */
  public static void check(AgentOs os, Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    Principal principal = Principal.of(ctx).orElse(null);
    if (principal == null || principal.fullAccess()) {
      return;
    }
    AuthSettings settings = AuthSettings.of(os);
    if (!settings.authorization() || Scopes.isAdmin(principal.scopes(), settings.adminScope())) {
      return;
    }
    List<String> required = new ArrayList<>();
    List<Access.Resource> resources = new ArrayList<>();
    for (RouteRole role : roles) {
      if (role instanceof Access.Scope scope) {
        required.add(scope.value());
      } else if (role instanceof Access.Resource resource) {
        resources.add(resource);
      }
    }
    if (required.isEmpty() && resources.isEmpty()) {
      throw ApiException.of(403, Scopes.insufficient(List.of())); // a route that declares nothing: closed
    }
    required.sort(null);
    // a before-matched handler sees no path parameters: the family and id are read from the path, as Agno does
    Matcher path = FAMILY.matcher(ctx.path());
    String family = path.find() ? path.group(1) : null;
    String id = family == null || path.group(2) == null ? null
        : URLDecoder.decode(path.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!Scopes.hasRequired(principal.scopes(), required, family, id, settings.adminScope())) {
      String action = required.getFirst().substring(required.getFirst().indexOf(':') + 1);
      boolean listing = ctx.method() == HandlerType.GET && family != null && id == null
          && required.getFirst().startsWith(family + ":");
      Set<String> ids = listing ? Scopes.accessibleIds(principal.scopes(), family, action, settings.adminScope())
          : Set.of();
      if (ids.isEmpty()) {
        throw ApiException.of(403, Scopes.insufficient(required));
      }
      ctx.attribute(VISIBLE, ids); // a listing: only the resources named by per-resource scopes
    }
    for (Access.Resource resource : resources) {
      String target = resource.family().equals(family) ? id : null;
      if (target != null) {
        Set<String> ids = Scopes.accessibleIds(principal.scopes(), resource.family(), resource.action(),
            settings.adminScope());
        if (!ids.contains(Scopes.ALL) && !ids.contains(target)) {
          throw ApiException.of(403, Scopes.accessDenied(resource.action(), resource.family()));
        }
      }
    }
  }

  /** True when the listing being served may show the resource {@code id} (always, unless the caller's list is filtered). */
  public static boolean visible(Context ctx, String id) {
    Set<String> ids = ctx.attribute(VISIBLE);
    return ids == null || ids.contains(Scopes.ALL) || ids.contains(id);
  }

}
