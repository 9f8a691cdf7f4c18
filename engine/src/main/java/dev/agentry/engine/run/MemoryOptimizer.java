package dev.agentry.engine.run;

import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.UserMemory;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Agno's "summarize" memory optimization: one model call merges all of a user's memories into a single memory that
 * keeps every fact, its topics the union of theirs; applied, it replaces them in the store.
 */
final class MemoryOptimizer {
  private static final String SYSTEM = """
      You are a memory compression assistant. Your task is to summarize multiple memories about a user
      into a single comprehensive summary while preserving all key facts.

      Requirements:
      - Combine related information from all memories
      - Preserve all factual information
      - Remove redundancy and consolidate repeated facts
      - Create a coherent narrative about the user
      - Maintain third-person perspective
      - Do not add information not present in the original memories

      Return only the summarized memory text, nothing else.""";

  private MemoryOptimizer() {}

  static MemoryOptimization optimize(SessionStore store, ChatModel model, String userId, boolean apply,
      Clock clock) {
    List<UserMemory> before = MemoryWriter.memories(store, userId);
    if (before.isEmpty()) {
      throw new NotFoundException("No memories found for user " + userId);
    }
    String combined = String.join("\n\n", java.util.stream.IntStream.range(0, before.size())
        .mapToObj(i -> "Memory " + (i + 1) + ": " + before.get(i).memory()).toList());
    ChatResponse response = model.chat(new ChatRequest(List.of(Message.system(SYSTEM),
        Message.user("Summarize these memories into a single summary:\n\n" + combined)), List.of(), null, null,
        false, dev.agentry.engine.llm.Cancellation.NONE), StreamListener.NONE);
    String summary = response.content() == null || response.content().isBlank()
        ? before.stream().map(UserMemory::memory).collect(Collectors.joining(" ")) : response.content().strip();
    Set<String> topics = new LinkedHashSet<>();
    before.forEach(m -> topics.addAll(m.topics()));
    long now = clock.millis() / 1000;
    UserMemory merged = new UserMemory(UUID.randomUUID().toString(), summary, List.copyOf(topics), null, userId,
        single(before.stream().map(UserMemory::agentId).toList()),
        single(before.stream().map(UserMemory::teamId).toList()), now, now);
    if (apply) {
      before.forEach(m -> store.deleteMemory(m.memoryId()));
      store.saveMemory(merged);
    }
    long tokensBefore = tokens(before);
    long tokensAfter = tokens(List.of(merged));
    long saved = tokensBefore - tokensAfter;
    return new MemoryOptimization(List.of(merged), before.size(), 1, tokensBefore, tokensAfter, saved,
        tokensBefore > 0 ? saved * 100.0 / tokensBefore : 0.0);
  }

  /** The one id all memories share (nulls aside), as Agno keeps it; null when they differ. */
  private static @Nullable String single(List<@Nullable String> ids) {
    Set<String> distinct = new LinkedHashSet<>();
    ids.forEach(id -> {
      if (id != null) {
        distinct.add(id);
      }
    });
    return distinct.size() == 1 ? distinct.iterator().next() : null;
  }

  private static long tokens(List<UserMemory> memories) {
    return memories.stream().mapToLong(m -> (m.memory().length() + 3) / 4).sum();
  }
}
