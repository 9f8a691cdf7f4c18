package dev.agentry.engine.run;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.MemorySettings;
import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.UserMemory;
import dev.agentry.engine.tool.ToolDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The memory manager, as Agno's {@code MemoryManager} works: a direct call of its own model that reads a message and
 * the user's memories, and adds, updates, deletes or clears memories through the tools {@code add_memory},
 * {@code update_memory}, {@code delete_memory} and {@code clear_memory}, which write to the store. Thread-safe: one
 * serves every run of a participant.
 */
final class MemoryWriter {
  /** The memory tools the model may be given. */
  enum Op { ADD, UPDATE, DELETE, CLEAR }

  /** What a run after its answer lets the manager do, as Agno's {@code create_user_memories}. */
  static final Set<Op> AFTER_RUN = EnumSet.of(Op.ADD, Op.UPDATE, Op.DELETE);
  /** What the {@code update_user_memory} tool lets it do: every change its description promises. */
  static final Set<Op> TASK = EnumSet.allOf(Op.class);
  /** The most model requests of one memory update: the tools are called, then the model answers. */
  private static final int MAX_ROUNDS = 8;
  /** The most memories of a user read at once. */
  private static final int MAX_MEMORIES = 1000;

  private static final String CAPTURE = """
      Memories should capture personal information about the user that is relevant to the current conversation, \
      such as:
      - Personal facts: name, age, occupation, location, interests, and preferences
      - Opinions and preferences: what the user likes, dislikes, enjoys, or finds frustrating
      - Significant life events or experiences shared by the user
      - Important context about the user's current situation, challenges, or goals
      - Any other details that offer meaningful insight into the user's personality, perspective, or needs""";

  private final MemorySettings settings;
  private final ChatModel model;
  private final SessionStore store;
  private final Clock clock;

  MemoryWriter(MemorySettings settings, ChatModel model, SessionStore store, Clock clock) {
    this.settings = settings;
    this.model = model;
    this.store = store;
    this.clock = clock;
  }

  /** Who owns the memories a call writes: the user, and the agent or team they were made by. */
  record Owner(String userId, @Nullable String agentId, @Nullable String teamId) {}

  /** The memories of {@code userId}, oldest first. */
  List<UserMemory> memories(String userId) {
    return memories(store, userId);
  }

  static List<UserMemory> memories(SessionStore store, String userId) {
    return store.listMemories(new MemoryQuery(userId, null, null, null, List.of(),
        PageRequest.of(1, MAX_MEMORIES, "created_at", SortOrder.ASC))).items();
  }

  /**
   * Lets the model change the owner's memories after reading {@code message} (the run's input, or a task) and their
   * memories; returns the model's last answer.
   */
  String update(Owner owner, String message, Set<Op> ops, Cancellation cancellation) {
    List<UserMemory> existing = memories(store, owner.userId());
    List<Message> conversation = new ArrayList<>();
    conversation.add(Message.system(systemMessage(existing, ops)));
    conversation.add(Message.user(message));
    List<ToolDefinition> tools = ops.stream().map(MemoryWriter::definition).toList();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      ChatResponse response = model.chat(new ChatRequest(conversation, tools, null, null, false, cancellation),
          StreamListener.NONE);
      conversation.add(response.toMessage());
      if (response.toolCalls().isEmpty()) {
        return response.content() == null ? "No response from model" : response.content();
      }
      for (ToolCall call : response.toolCalls()) {
        conversation.add(Message.tool(call, apply(owner, call, ops, message), false));
      }
    }
    return "The memory manager stopped after " + MAX_ROUNDS + " model requests";
  }

  /** Agno's memory manager system message, its defaults replaced by the settings. */
  String systemMessage(List<UserMemory> existing, Set<Op> ops) {
    if (settings.systemMessage() != null) {
      return settings.systemMessage();
    }
    String capture = settings.captureInstructions() != null ? settings.captureInstructions() : CAPTURE;
    StringBuilder out = new StringBuilder(4096).append("""
        You are a Memory Manager that is responsible for managing information and preferences about the user. You \
        will be provided with a criteria for memories to capture in the <memories_to_capture> section and a list of \
        existing memories in the <existing_memories> section.

        ## When to add or update memories
        - Your first task is to decide if a memory needs to be added, updated, or deleted based on the user's message \
        OR if no changes are needed.
        - If the user's message meets the criteria in the <memories_to_capture> section and that information is not \
        already captured in the <existing_memories> section, you should capture it as a memory.
        - If the users messages does not meet the criteria in the <memories_to_capture> section, no memory updates \
        are needed.
        - If the existing memories in the <existing_memories> section capture all relevant information, no memory \
        updates are needed.

        ## How to add or update memories
        - If you decide to add a new memory, create memories that captures key information, as if you were storing \
        it for future reference.
        - Memories should be a brief, third-person statements that encapsulate the most important aspect of the \
        user's input, without adding any extraneous information.
          - Example: If the user's message is 'I'm going to the gym', a memory could be `John Doe goes to the gym \
        regularly`.
          - Example: If the user's message is 'My name is John Doe', a memory could be `User's name is John Doe`.
        - Don't make a single memory too long or complex, create multiple memories if needed to capture all the \
        information.
        - Don't repeat the same information in multiple memories. Rather update existing memories if needed.
        - If a user asks for a memory to be updated or forgotten, remove all reference to the information that \
        should be forgotten. Don't say 'The user used to like ...`
        - When updating a memory, append the existing memory with new information rather than completely \
        overwriting it.
        - When a user's preferences change, update the relevant memories to reflect the new preferences but also \
        capture what the user's preferences used to be and what has changed.

        ## Criteria for creating memories
        Use the following criteria to determine if a user's message should be captured as a memory.

        <memories_to_capture>
        """).append(capture.strip()).append("""

        </memories_to_capture>

        ## Updating memories
        You will also be provided with a list of existing memories in the <existing_memories> section. You can:
          - Decide to make no changes.
        """);
    if (ops.contains(Op.ADD)) {
      out.append("  - Decide to add a new memory, using the `add_memory` tool.\n");
    }
    if (ops.contains(Op.UPDATE)) {
      out.append("  - Decide to update an existing memory, using the `update_memory` tool.\n");
    }
    if (ops.contains(Op.DELETE)) {
      out.append("  - Decide to delete an existing memory, using the `delete_memory` tool.\n");
    }
    if (ops.contains(Op.CLEAR)) {
      out.append("  - Decide to clear all memories, using the `clear_memory` tool.\n");
    }
    out.append("You can call multiple tools in a single response if needed. \n")
        .append("Only add or update memories if it is necessary to capture key information provided by the user.");
    if (!existing.isEmpty()) {
      out.append("\n\n<existing_memories>");
      for (UserMemory m : existing) {
        out.append("\nID: ").append(m.memoryId()).append("\nMemory: ").append(m.memory()).append('\n');
      }
      out.append("</existing_memories>");
    }
    if (settings.additionalInstructions() != null) {
      out.append('\n').append(settings.additionalInstructions());
    }
    return out.toString();
  }

  /** Runs one memory tool call; its result (or why it failed) is what the model reads back. */
  private String apply(Owner owner, ToolCall call, Set<Op> ops, String input) {
    JsonNode args;
    try {
      args = Json.MAPPER.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
    } catch (JacksonException e) {
      return "Error: the arguments are not JSON";
    }
    Op op = switch (call.name()) {
      case "add_memory" -> Op.ADD;
      case "update_memory" -> Op.UPDATE;
      case "delete_memory" -> Op.DELETE;
      case "clear_memory" -> Op.CLEAR;
      default -> null;
    };
    if (op == null || !ops.contains(op)) {
      return "Error: there is no tool named '" + call.name() + "'";
    }
    long now = clock.millis() / 1000;
    String memoryId = args.path("memory_id").asString("");
    String memory = args.path("memory").asString("");
    return switch (op) {
      case ADD -> {
        if (memory.isBlank()) {
          yield "Error: 'memory' is required";
        }
        store.saveMemory(new UserMemory(UUID.randomUUID().toString(), memory, topics(args), input, owner.userId(),
            owner.agentId(), owner.teamId(), now, now));
        yield "Memory added successfully";
      }
      case UPDATE -> {
        if (memory.isEmpty()) {
          yield "Can't update memory with empty string. Use the delete memory function if available.";
        }
        Optional<UserMemory> old = owned(owner, memoryId);
        if (old.isEmpty()) {
          yield "Error: the user has no memory with ID '" + memoryId + "'";
        }
        store.saveMemory(new UserMemory(memoryId, memory, topics(args), input, owner.userId(), owner.agentId(),
            owner.teamId(), old.get().createdAt(), now));
        yield "Memory updated successfully";
      }
      case DELETE -> {
        if (owned(owner, memoryId).isEmpty()) {
          yield "Error: the user has no memory with ID '" + memoryId + "'";
        }
        store.deleteMemory(memoryId);
        yield "Memory deleted successfully";
      }
      case CLEAR -> { // the user's memories only: another user's are never touched
        memories(store, owner.userId()).forEach(m -> store.deleteMemory(m.memoryId()));
        yield "Memory cleared successfully";
      }
    };
  }

  /** The memory, when it is the owner's: a model never reaches another user's memories. */
  private Optional<UserMemory> owned(Owner owner, String memoryId) {
    return memoryId.isEmpty() ? Optional.empty()
        : store.findMemory(memoryId).filter(m -> owner.userId().equals(m.userId()));
  }

  private static List<String> topics(JsonNode args) {
    List<String> topics = new ArrayList<>();
    args.path("topics").forEach(t -> {
      if (t.isString()) {
        topics.add(t.stringValue());
      }
    });
    return topics;
  }

  private static ToolDefinition definition(Op op) {
    return switch (op) {
      case ADD -> tool("add_memory", "Use this function to add a memory to the database.", """
          {"type":"object","properties":{"memory":{"type":"string","description":"The memory to be added."},
          "topics":{"type":"array","items":{"type":"string"},"description":"The topics of the memory (e.g. \
          [\\"name\\", \\"hobbies\\", \\"location\\"])."}},"required":["memory"]}""");
      case UPDATE -> tool("update_memory", "Use this function to update an existing memory in the database.", """
          {"type":"object","properties":{"memory_id":{"type":"string","description":"The id of the memory to be \
          updated."},"memory":{"type":"string","description":"The updated memory."},
          "topics":{"type":"array","items":{"type":"string"},"description":"The topics of the memory (e.g. \
          [\\"name\\", \\"hobbies\\", \\"location\\"])."}},"required":["memory_id","memory"]}""");
      case DELETE -> tool("delete_memory", "Use this function to delete a single memory from the database.", """
          {"type":"object","properties":{"memory_id":{"type":"string","description":"The id of the memory to be \
          deleted."}},"required":["memory_id"]}""");
      case CLEAR -> tool("clear_memory", "Use this function to remove all (or clear all) memories from the "
          + "database.", """
          {"type":"object","properties":{}}""");
    };
  }

  private static ToolDefinition tool(String name, String description, String parameters) {
    return new ToolDefinition(name, description, Json.MAPPER.readTree(parameters));
  }
}
