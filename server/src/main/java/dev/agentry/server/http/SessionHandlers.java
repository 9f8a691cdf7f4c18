package dev.agentry.server.http;

import dev.agentry.server.AgentOs;
import io.javalin.http.Context;

/** Placeholder: the session routes arrive in the next commit. */
final class SessionHandlers {
  private final AgentOs os;

  SessionHandlers(AgentOs os) {
    this.os = os;
  }

  void list(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void create(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void deleteMany(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void get(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void update(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void delete(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void rename(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void runs(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void run(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }
}
