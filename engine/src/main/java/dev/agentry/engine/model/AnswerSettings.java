package dev.agentry.engine.model;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How a participant's final answer is made and kept: the second models that write or structure it, how a structured
 * answer is asked for, and where it is saved. Compiled from {@code parser_model}, {@code output_model},
 * {@code use_json_mode}, {@code structured_outputs}, {@code parse_response} and {@code save_response_to_file}.
 *
 * @param parserModel the model that turns the answer into {@code output_schema} ({@code parser_model}); null for none
 * @param parserModelPrompt its system message; null for Agno's default
 * @param outputModel the model that writes the final answer from the main model's work ({@code output_model})
 * @param outputModelPrompt replaces the system message of the conversation the output model reads
 * @param jsonMode true to ask for a JSON object with the schema in the system message instead of the provider's
 *     enforced structured output ({@code use_json_mode}, unless {@code structured_outputs} is true)
 * @param parseResponse false to keep the structured answer as the text the model wrote ({@code parse_response})
 * @param responseFile where each answer is saved ({@code save_response_to_file}); null for nowhere
 */
public record AnswerSettings(
    @Nullable ModelDef parserModel,
    @Nullable String parserModelPrompt,
    @Nullable ModelDef outputModel,
    @Nullable String outputModelPrompt,
    boolean jsonMode,
    boolean parseResponse,
    @Nullable ResponseFile responseFile) {
  /** Plain answers: no second model, enforced structured output, parsed. */
  public static final AnswerSettings DEFAULT = new AnswerSettings(null, null, null, null, false, true, null);

  /**
   * The file an answer is saved to ({@code save_response_to_file}).
   *
   * @param template the path as written, with Agno's placeholders {@code {name}}, {@code {session_id}},
   *     {@code {user_id}}, {@code {message}} and {@code {run_id}}
   * @param folder the folder the path is relative to (the folder of the YAML file), absolute
   * @param root the spec root, absolute: the file must stay inside it
   */
  public record ResponseFile(String template, Path folder, Path root) {}
}
