package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A reference that names a resource of another kind ("'research-team' is a Team, not an Agent"), and where that
 * name would fit: the sibling field of a team member or workflow step, or the AgentOS list of its kind.
 */
final class WrongKind {
  private static final Pattern MEMBER = Pattern.compile("/spec/members/\\d+/(agent|team)");
  private static final Pattern STEP = Pattern.compile("/spec/steps/.*/(agent|team|workflow)");
  private static final Pattern OS_LIST = Pattern.compile("/spec/(agents|teams|workflows|knowledge)/\\d+");
  private static final Map<Kind, String> OS_LISTS =
      Map.of(Kind.AGENT, "agents", Kind.TEAM, "teams", Kind.WORKFLOW, "workflows", Kind.KNOWLEDGE, "knowledge");

  private WrongKind() {}

  /** The kind of the resource named {@code name}, if one of another kind than {@code expected} has that name. */
  static Optional<Kind> find(Map<Kind, Map<String, Draft>> index, String name, Kind expected) {
    for (Kind kind : Kind.values()) {
      if (kind != expected && index.get(kind).containsKey(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** "'x' is a Team, not an Agent". */
  static String message(String shown, Kind actual, Kind expected) {
    return shown + " is " + article(actual) + ", not " + article(expected);
  }

  /** Where a resource of {@code actual} fits instead of the reference at {@code pointer}, or null if nowhere near. */
  static @Nullable String hint(Draft from, String pointer, String name, Kind actual) {
    String field = actual.wireName().toLowerCase(java.util.Locale.ROOT);
    boolean member = from.kind() == Kind.TEAM && MEMBER.matcher(pointer).matches()
        && List.of(Kind.AGENT, Kind.TEAM).contains(actual);
    boolean step = from.kind() == Kind.WORKFLOW && STEP.matcher(pointer).matches()
        && List.of(Kind.AGENT, Kind.TEAM, Kind.WORKFLOW).contains(actual);
    if (member || step) {
      return "write '" + field + ": " + name + "' for a " + (member ? "member" : "step") + " that is "
          + article(actual);
    }
    if (from.kind() == Kind.AGENT_OS && OS_LIST.matcher(pointer).matches() && OS_LISTS.containsKey(actual)) {
      return "list it under " + OS_LISTS.get(actual);
    }
    return null;
  }

  private static String article(Kind kind) {
    return switch (kind) {
      case AGENT, AGENT_OS -> "an " + kind.wireName();
      case KNOWLEDGE -> "a Knowledge resource";
      case TEAM, WORKFLOW, TOOLKIT, MODEL, DATABASE -> "a " + kind.wireName();
    };
  }
}
