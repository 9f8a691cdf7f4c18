package dev.agentry.server.http;

import dev.agentry.engine.run.MemoryOptimization;
import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.UserMemory;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.Isolation;
import dev.agentry.server.http.dto.DeleteMemoriesRequest;
import dev.agentry.server.http.dto.MemoryRequest;
import dev.agentry.server.http.dto.OptimizeMemoriesRequest;
import dev.agentry.server.http.dto.OptimizeMemoriesResponse;
import dev.agentry.server.http.dto.Paginated;
import dev.agentry.server.http.dto.UserMemorySchema;
import dev.agentry.server.http.dto.UserMemoryStatsSchema;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The memory routes ({@code agentos-api.md} §2.7): create, list, get, update and delete user memories, their topics,
 * the memory count of each user, and optimizing a user's memories.
 */
final class MemoryHandlers {
  private final AgentOs os;

  MemoryHandlers(AgentOs os) {
    this.os = os;
  }

  void create(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    MemoryRequest body = request(ctx);
    long now = Instant.now().getEpochSecond();
    UserMemory memory = new UserMemory(UUID.randomUUID().toString(), body.memory(), topics(body), null,
        Isolation.userId(ctx, body.userId()), null, null, now, now);
    store.saveMemory(memory);
    ctx.json(UserMemorySchema.of(memory));
  }

  void list(Context ctx) {
    long started = System.nanoTime();
    SessionStore store = Queries.store(os, ctx, false);
    List<String> topics = ctx.queryParams("topics").stream()
        .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(t -> !t.isEmpty()).toList();
    MemoryQuery query = new MemoryQuery(Isolation.userId(ctx, Queries.text(ctx, "user_id")),
        Queries.text(ctx, "agent_id"),
        Queries.text(ctx, "team_id"), Queries.text(ctx, "search_content"), topics,
        Queries.page(ctx, "updated_at", MemoryQuery.SORTABLE));
    ctx.json(Paginated.of(store.listMemories(query), UserMemorySchema::of, started));
  }

  void get(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    String id = ctx.pathParam("memory_id");
    UserMemory memory = find(store, id, Isolation.userId(ctx, Queries.text(ctx, "user_id")))
        .orElseThrow(() -> ApiException.notFound("Memory with ID " + id + " not found"));
    ctx.json(UserMemorySchema.of(memory));
  }

  /** Replaces the memory's text, topics and user; where it came from and when it was made stay. */
  void update(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    MemoryRequest body = request(ctx);
    UserMemory old = find(store, ctx.pathParam("memory_id"), Isolation.userId(ctx, null))
        .orElseThrow(() -> ApiException.notFound("Memory not found"));
    UserMemory memory = new UserMemory(old.memoryId(), body.memory(), topics(body), old.input(),
        Isolation.userId(ctx, body.userId()),
        old.agentId(), old.teamId(), old.createdAt(), Instant.now().getEpochSecond());
    store.saveMemory(memory);
    ctx.json(UserMemorySchema.of(memory));
  }

  void delete(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    deleteOwned(store, ctx.pathParam("memory_id"), Isolation.userId(ctx, Queries.text(ctx, "user_id")));
    ctx.status(204);
  }

  void deleteMany(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    DeleteMemoriesRequest body = Objects.requireNonNull(Queries.body(ctx, DeleteMemoriesRequest.class, true));
    List<String> ids = body.memoryIds();
    if (ids == null) {
      throw ApiException.missing("body", "memory_ids");
    }
    if (ids.isEmpty()) {
      throw Queries.invalidAt("body", "too_short", "memory_ids",
          "List should have at least 1 item after validation, not 0", List.of(),
          Map.of("field_type", "List", "min_length", 1, "actual_length", 0));
    }
    String userId = Isolation.userId(ctx, body.userId());
    ids.stream().filter(Objects::nonNull).forEach(id -> deleteOwned(store, id, userId));
    ctx.status(204);
  }

  void topics(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    ctx.json(store.listMemoryTopics(Isolation.userId(ctx, Queries.text(ctx, "user_id"))));
  }

  void userStats(Context ctx) {
    long started = System.nanoTime();
    SessionStore store = Queries.store(os, ctx, false);
    int limit = Queries.integer(ctx, "limit", 20, 1);
    int page = Math.max(Queries.integer(ctx, "page", 1, 0), 1);
    String userId = Isolation.userId(ctx, Queries.text(ctx, "user_id"));
    ctx.json(Paginated.of(store.listUserMemoryStats(userId, page, limit),
        UserMemoryStatsSchema::of, started));
  }

  /**
   * Merges the user's memories into one with a model (Agno's "summarize" strategy); {@code apply: false} previews
   * it. A 400 for a model that is not "provider:model_id", a 404 when the user has no memories.
   */
  void optimize(Context ctx) {
    SessionStore store = Queries.store(os, ctx, false);
    OptimizeMemoriesRequest body = Objects.requireNonNull(Queries.body(ctx, OptimizeMemoriesRequest.class, true));
    String userId = Isolation.userId(ctx, body.userId());
    if (userId == null) {
      throw ApiException.missing("body", "user_id");
    }
    MemoryOptimization result;
    try {
      result = os.engine().optimizeMemories(store, userId, body.model(), !Boolean.FALSE.equals(body.apply()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    ctx.json(OptimizeMemoriesResponse.of(result));
  }

  /** The body of a create or update: a 422 without {@code memory}, the contract's 400 without {@code user_id}. */
  private static MemoryRequest request(Context ctx) {
    MemoryRequest body = Objects.requireNonNull(Queries.body(ctx, MemoryRequest.class, true));
    if (body.memory() == null) {
      throw ApiException.missing("body", "memory");
    }
    String userId = Isolation.userId(ctx, body.userId());
    if (userId == null || userId.isEmpty()) {
      throw ApiException.badRequest("User ID is required");
    }
    return body;
  }

  private static List<String> topics(MemoryRequest body) {
    return body.topics() == null ? List.of() : body.topics().stream().filter(Objects::nonNull).toList();
  }

  private static Optional<UserMemory> find(SessionStore store, String id, @Nullable String userId) {
    return store.findMemory(id).filter(m -> userId == null || userId.equals(m.userId()));
  }

  private static void deleteOwned(SessionStore store, String id, @Nullable String userId) {
    if (find(store, id, userId).isPresent()) {
      store.deleteMemory(id);
    }
  }
}
