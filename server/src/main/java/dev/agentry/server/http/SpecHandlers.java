package dev.agentry.server.http;

import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.server.AgentOs;
import dev.agentry.server.reload.CatalogHolder;
import dev.agentry.server.reload.ReloadFailedException;
import dev.agentry.server.reload.ResourceStatus;
import dev.agentry.server.reload.SpecStatus;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agentry's own {@code /specs} routes: {@code GET /specs/status} (live version, last reload attempt with its
 * diagnostics, per-resource status, and the edit the watcher holds back as half-written, if any) and {@code POST /specs/reload} (reload now; a 422 with the diagnostics when the
 * specs are invalid, a 503 when the compile overran the reload time limit, the live version being kept either way).
 */
final class SpecHandlers {
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
    ctx.json(body);
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
