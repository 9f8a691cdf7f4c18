package dev.agentry.server.http;

import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.server.AgentOs;
import dev.agentry.server.reload.CatalogHolder;
import dev.agentry.server.reload.ReloadFailedException;
import dev.agentry.server.reload.ResourceStatus;
import dev.agentry.server.reload.SpecStatus;
import dev.agentry.engine.store.StoreException;
import dev.agentry.server.config.Instance;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agentry's own {@code /specs} routes: {@code GET /specs/status} (live version, last reload attempt with its
 * diagnostics, per-resource status, the edit the watcher holds back as half-written, if any, this instance and the
 * live instances of the default database) and {@code POST /specs/reload} (reload now; a 422 with the diagnostics when the
 * specs are invalid, a 503 when the compile overran the reload time limit, the live version being kept either way).
 */
final class SpecHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(SpecHandlers.class);

  private final AgentOs os;

  SpecHandlers(AgentOs os) {
    this.os = os;
  }

  void status(Context ctx) {
    SpecStatus status = os.catalogs().status();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", status.version());
    body.put("loaded_at", status.loadedAt().toString());
    body.put("root", status.root().toString());
    body.put("last_attempt", attempt(status.lastAttempt()));
    body.put("resources", status.resources().stream().map(SpecHandlers::resource).toList());
    if (status.waiting() != null) {
      body.put("waiting", Map.of("since", status.waiting().since().toString(), "reason", status.waiting().reason()));
    }
    Instance self = os.instance();
    body.put("instance", instance(self.id(), self.url(), self.startedAt(), null));
    try {
      body.put("instances", os.store().liveInstances(Instant.now()).stream()
          .map(lease -> instance(lease.instanceId(), lease.url(), lease.startedAt(), lease.until())).toList());
    } catch (StoreException e) { // the spec status stays readable while the database is down
      LOG.warn("GET /specs/status: cannot list the live instances: {}", e.getMessage());
      body.put("instances", null);
      body.put("instances_error", e.retryable() ? "Database unavailable" : "Database error");
    }
    ctx.json(body);
  }

  /** One instance: its id, URL, start and (for a lease read from the database) when its lease ends unless renewed. */
  private static Map<String, Object> instance(String id, @Nullable String url, Instant startedAt,
      @Nullable Instant leaseUntil) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("url", url);
    body.put("started_at", startedAt.toString());
    if (leaseUntil != null) {
      body.put("lease_until", leaseUntil.toString());
    }
    return body;
  }

  void reload(Context ctx) {
    CatalogHolder.Attempt attempt = os.catalogs().reload();
    if (!attempt.ok()) {
      throw new ReloadFailedException(attempt);
    }
    ctx.json(attempt(attempt));
  }

  /** The error body of a failed reload: the contract's {@code detail}, plus the diagnostics (STYLE §19). */
  static Map<String, Object> failure(ReloadFailedException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detail", e.getMessage());
    body.put("diagnostics", diagnostics(e.attempt().diagnostics()));
    return body;
  }

  private static Map<String, Object> attempt(CatalogHolder.Attempt attempt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("at", attempt.at().toString());
    body.put("outcome", attempt.outcome().wireName());
    if (attempt.version() != null) {
      body.put("version", attempt.version());
    }
    body.put("previous_version", attempt.previousVersion());
    body.put("added", attempt.diff().added());
    body.put("changed", attempt.diff().changed());
    body.put("removed", attempt.diff().removed());
    body.put("diagnostics", diagnostics(attempt.diagnostics()));
    return body;
  }

  private static List<Map<String, Object>> diagnostics(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(SpecHandlers::diagnostic).toList();
  }

  private static Map<String, Object> diagnostic(Diagnostic d) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("file", d.file());
    body.put("line", d.line());
    body.put("column", d.column());
    body.put("pointer", d.pointer());
    body.put("severity", d.severity().label());
    body.put("code", d.code());
    body.put("message", d.message());
    if (d.hint() != null) {
      body.put("hint", d.hint());
    }
    body.put("rendered", d.render(d.file()));
    return body;
  }

  private static Map<String, Object> resource(ResourceStatus resource) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", resource.kind());
    body.put("id", resource.id());
    body.put("status", resource.status().wireName());
    if (resource.reason() != null) {
      body.put("reason", resource.reason());
    }
    if (!resource.warnings().isEmpty()) {
      body.put("warnings", resource.warnings());
    }
    return body;
  }
}
