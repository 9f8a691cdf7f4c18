package dev.agentry.engine.model;

import java.util.Set;

/**
 * What a participant's stored runs leave out (Agno's storage switches), with the defaults applied.
 *
 * @param storeToolMessages false to leave the tool calls and results out of the stored run's messages
 *     ({@code store_tool_messages})
 * @param storeHistoryMessages false to leave the history replayed to the model out of the stored run's messages
 *     ({@code store_history_messages})
 * @param eventsToSkip the wire names of the events not stored with the run when it stores events
 *     ({@code events_to_skip}); Agno's defaults when not written: {@link #AGENT_SKIPS} or {@link #TEAM_SKIPS}
 */
public record StorageSettings(boolean storeToolMessages, boolean storeHistoryMessages, Set<String> eventsToSkip) {
  /** Agno's {@code events_to_skip} of an agent: the content deltas. */
  public static final Set<String> AGENT_SKIPS = Set.of("RunContent");
  /** Agno's {@code events_to_skip} of a team: its and its members' content deltas, and its intermediate content. */
  public static final Set<String> TEAM_SKIPS = Set.of("RunContent", "TeamRunContent", "TeamRunIntermediateContent");
  /** Everything stored, with an agent's default skips. */
  public static final StorageSettings DEFAULT = new StorageSettings(true, true, AGENT_SKIPS);

  public StorageSettings {
    eventsToSkip = Set.copyOf(eventsToSkip);
  }
}
