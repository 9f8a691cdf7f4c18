package dev.agentry.engine.run;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.internal.Json;
import java.util.List;

/** The prompts of step-by-step reasoning: Agno's default reasoning agent's, and the request to go on. */
final class ReasoningPrompt {
  private ReasoningPrompt() {}

  /** The reasoning model's system message: Agno's default reasoning agent, asked for JSON. */
  static String system(int minSteps, int maxSteps) {
    return """
        You are a meticulous, thoughtful, and logical Reasoning Agent who solves complex problems through clear, \
        structured, step-by-step analysis.

        Step 1 - Problem Analysis: restate the user's task clearly in your own words; identify what information is \
        required and what tools or resources might be necessary.
        Step 2 - Decompose and Strategize: break the problem down into clearly defined subtasks; develop at least \
        two distinct approaches.
        Step 3 - Intent Clarification and Planning: state the user's intent, choose the most suitable approach and \
        plan the actions needed.
        Step 4 - Execute the Action Plan. For each step, document:
        1. title: a concise title summarizing the step.
        2. action: your next action in the first person ("I will...").
        3. result: a concise summary of the outcome ("I did this and got...").
        4. reasoning: why this step is needed, what you considered, how it follows from the previous steps, and \
        the assumptions you made.
        5. next_action: "continue" if further steps are needed, "validate" when you reach a potential answer, \
        "final_answer" only once you have validated the solution, "reset" to restart the analysis after an error.
        6. confidence: your certainty in the step, from 0.0 to 1.0.
        Step 5 - Validation: cross-check the solution with another approach before finalizing it.
        Step 6 - Final Answer: once validated, end with a step whose next_action is "final_answer".

        Use a minimum of %d and a maximum of %d steps. Only create a single instance of ReasoningSteps for your \
        response: answer with only a JSON object that matches this JSON Schema, and nothing else:
        %s""".formatted(minSteps, maxSteps, Json.MAPPER.writeValueAsString(Reasoning.SCHEMA));
  }

  /** The request to go on after {@code taken} steps. */
  static String proceed(int taken, int minSteps, int maxSteps) {
    String more = taken < minSteps ? " At least " + (minSteps - taken) + " more step(s) are required." : "";
    return "Continue reasoning from step " + (taken + 1) + " (at most " + maxSteps + " steps in all)." + more
        + " Answer with only a JSON object with the next reasoning_steps, and end with next_action "
        + "\"final_answer\" once the answer is validated.";
  }

  /** The steps taken so far, for a reasoning agent that goes on. */
  static String soFar(List<ReasoningSteps.Step> steps) {
    return "Your reasoning steps so far: " + EventJson.MAPPER.writeValueAsString(new ReasoningSteps(steps));
  }
}
