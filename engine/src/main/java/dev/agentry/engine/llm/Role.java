package dev.agentry.engine.llm;

/** Who wrote a message, with the lower-case wire names every provider and Agno use. */
public enum Role {
  SYSTEM("system"),
  /** OpenAI's newer name for the system role ({@code system_message_role: developer}); a system prompt elsewhere. */
  DEVELOPER("developer"),
  USER("user"),
  ASSISTANT("assistant"),
  TOOL("tool");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  /** The role as written on the wire: "system", "developer", "user", "assistant" or "tool". */
  public String wireName() {
    return wireName;
  }

  /** The role of a wire name; "model" (Gemini's name) reads as assistant. */
  public static Role of(String wireName) {
    return switch (wireName) {
      case "system" -> SYSTEM;
      case "developer" -> DEVELOPER;
      case "user" -> USER;
      case "assistant", "model" -> ASSISTANT;
      case "tool" -> TOOL;
      default -> throw new IllegalArgumentException("unknown message role '" + wireName + "'");
    };
  }
}
