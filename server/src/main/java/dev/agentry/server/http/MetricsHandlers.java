package dev.agentry.server.http;

import dev.agentry.server.AgentOs;
import io.javalin.http.Context;

/** Placeholder: the metrics routes arrive in the next commit. */
final class MetricsHandlers {
  private final AgentOs os;

  MetricsHandlers(AgentOs os) {
    this.os = os;
  }

  void list(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void refresh(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }
}
