package dev.agentry.server.http;

import dev.agentry.server.AgentOs;
import io.javalin.http.Context;

/** Placeholder: the spec routes arrive in the next commit. */
final class SpecHandlers {
  private final AgentOs os;

  SpecHandlers(AgentOs os) {
    this.os = os;
  }

  void status(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void reload(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }
}
