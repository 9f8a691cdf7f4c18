package dev.agentry.server.http;

import dev.agentry.server.AgentOs;
import io.javalin.http.Context;

/** Placeholder: the memory routes arrive in the next commit. */
final class MemoryHandlers {
  private final AgentOs os;

  MemoryHandlers(AgentOs os) {
    this.os = os;
  }

  void create(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void list(Context ctx) {
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

  void topics(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }

  void userStats(Context ctx) {
    throw ApiException.notImplemented("not yet");
  }
}
