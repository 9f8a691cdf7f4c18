package dev.agentry.server.auth;

import dev.agentry.engine.store.SessionStore;
import dev.agentry.server.AgentOs;
import dev.agentry.server.http.ApiException;
import io.javalin.http.Context;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * User isolation ({@code authorization_config.user_isolation}, {@code agentos-api.md} §5.4; Agno's
 * {@code middleware/user_scope.py}): for a JWT caller without the admin scope, the token's subject is the user, and
 * the handlers of sessions, runs, memories and knowledge uploads read and write only that user's data. Reads filter by it, a
 * {@code user_id} the caller sends is replaced by it, and another user's item answers as one that does not exist.
 * Admins, the security key and open APIs are not scoped.
 */
public final class Isolation {
  /** The 400 of a run route that needs the run's session to check its owner. */
  public static final String SESSION_ID_REQUIRED = "session_id is required for this action";

  private static final String USER = "agentry.isolated-user";

  /** The metadata key that names the user who uploaded a knowledge content under isolation. */
  public static final String UPLOADER = "user_id";

  private Isolation() {}

  /** The before-matched handler: records the user the request is scoped to, if any. */
  public static void attach(AgentOs os, Context ctx) {
    Principal principal = Principal.of(ctx).orElse(null);
    if (principal == null || principal.fullAccess() || principal.userId() == null || principal.userId().isEmpty()) {
      return;
    }
    AuthSettings settings = AuthSettings.of(os);
    if (settings.userIsolation() && !Scopes.isAdmin(principal.scopes(), settings.adminScope())) {
      ctx.attribute(USER, principal.userId());
    }
  }

  /** The user the request is scoped to: a non-admin JWT subject under user isolation; empty otherwise. */
  public static Optional<String> user(Context ctx) {
    return Optional.ofNullable(ctx.attribute(USER));
  }

  /** The user id a read filters by or a write records: the scoped user when there is one, else {@code given}. */
  public static @Nullable String userId(Context ctx, @Nullable String given) {
    String user = ctx.attribute(USER);
    return user != null ? user : given;
  }

  /** True unless the request is scoped to a user other than {@code owner}. */
  public static boolean owns(Context ctx, @Nullable String owner) {
    String user = ctx.attribute(USER);
    return user == null || user.equals(owner);
  }

  /**
   * For a scoped request, checks that run {@code runId} is in session {@code sessionId} of the caller: a 400 without
   * {@code sessionId}, the contract's 404 "Run not found" when the session or the run is someone else's (so their
   * existence does not leak). Nothing for an unscoped request.
   */
  public static void requireOwnRun(Context ctx, SessionStore store, @Nullable String sessionId, String runId) {
    String user = ctx.attribute(USER);
    if (user == null) {
      return;
    }
    if (sessionId == null || sessionId.isEmpty()) {
      throw ApiException.badRequest(SESSION_ID_REQUIRED);
    }
    boolean owned = store.findSession(sessionId).filter(s -> user.equals(s.userId())).isPresent()
        && store.findRun(runId).filter(r -> sessionId.equals(r.sessionId())).isPresent();
    if (!owned) {
      throw ApiException.notFound("Run not found");
    }
  }

  /**
   * The metadata a knowledge upload is stored with: under isolation, {@code user_id} names the caller (whatever the
   * upload said), so that the caller's listing and changes find it and no one else's do.
   */
  public static java.util.Map<String, Object> stampUpload(Context ctx, java.util.Map<String, Object> metadata) {
    String user = ctx.attribute(USER);
    if (user == null) {
      return metadata;
    }
    java.util.Map<String, Object> stamped = new java.util.LinkedHashMap<>(metadata);
    stamped.put(UPLOADER, user);
    return stamped;
  }

  /**
   * The metadata a knowledge update stores: the uploader's {@code user_id} is kept (a scoped caller cannot give its
   * content away, an admin replacing the metadata does not orphan it). Null (no change) stays null.
   */
  public static java.util.@Nullable Map<String, Object> keepUploader(java.util.@Nullable Map<String, Object> metadata,
      java.util.Map<String, Object> old) {
    Object uploader = old.get(UPLOADER);
    if (metadata == null || uploader == null) {
      return metadata;
    }
    java.util.Map<String, Object> kept = new java.util.LinkedHashMap<>(metadata);
    kept.put(UPLOADER, uploader);
    return kept;
  }

  /** True unless the request is scoped to a user other than the uploader named in {@code metadata}. */
  public static boolean ownsUpload(Context ctx, java.util.Map<String, Object> metadata) {
    Object uploader = metadata.get(UPLOADER);
    return owns(ctx, uploader == null ? null : uploader.toString());
  }

  /** For a scoped request naming a session: the contract's 404 when the session exists and is someone else's. */
  public static void requireOwnSession(Context ctx, SessionStore store, @Nullable String sessionId, String detail) {
    String user = ctx.attribute(USER);
    if (user != null && sessionId != null
        && store.findSession(sessionId).filter(s -> !user.equals(s.userId())).isPresent()) {
      throw ApiException.notFound(detail);
    }
  }
}
