package dev.agentry.engine.llm;

/** Who wrote a message, with the lower-case wire names every provider and Agno use. */
public enum Role {
  SYSTEM("system"),
  USER("user"),
  ASSISTANT("assistant"),
  TOOL("tool");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  /** The role as written on the wire: "system", "user", "assistant" or "tool". */
  public String wireName() {
    return wireName;
  }

  /** The role of a wire name; "developer" (OpenAI's newer name) reads as system. */
  public static Role of(String wireName) {
    return switch (wireName) {
      case "system", "developer" -> SYSTEM;
      case "user" -> USER;
      case "assistant", "model" -> ASSISTANT;
      case "tool" -> TOOL;
      default -> throw new IllegalArgumentException("unknown message role '" + wireName + "'");
    };
  }
}
