package dev.agentry.engine.llm;

/**
 * The two assistant notes Agno puts around the reasoning steps when they join a model's context (its
 * {@code update_messages_with_reasoning}): the steps come between {@link #BEFORE} and {@link #AFTER}. Here so that
 * a provider can tell that block from the model's own turns (the scripted model does not count it).
 */
public final class ReasoningNotes {
  public static final String BEFORE = "I have worked through this problem in-depth, running all necessary tools and "
      + "have included my raw, step by step research. ";
  public static final String AFTER = "Now I will summarize my reasoning and provide a final answer. I will skip any "
      + "tool calls already executed and steps that are not relevant to the final answer.";

  private ReasoningNotes() {}
}
