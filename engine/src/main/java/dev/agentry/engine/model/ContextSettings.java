package dev.agentry.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a participant's system message and user message are built from, with the defaults applied (Agno's
 * {@code Agent}/{@code Team} context fields); the texts are null when not written.
 *
 * @param systemMessage replaces the built system message when set
 * @param buildContext false to send no system message unless {@code systemMessage} is set
 * @param timezone an IANA zone for the date and time in the context; null for the server's
 * @param resolveInContext true to resolve {@code {key}} placeholders in the texts
 * @param additionalInput the extra messages after the system message: a text, or a {@code {role, content}} object
 */
public record ContextSettings(
    @Nullable String systemMessage,
    boolean buildContext,
    @Nullable String description,
    @Nullable String role,
    List<String> instructions,
    @Nullable String expectedOutput,
    @Nullable String additionalContext,
    boolean markdown,
    boolean addNameToContext,
    boolean addDatetimeToContext,
    @Nullable String timezone,
    boolean resolveInContext,
    boolean addSessionStateToContext,
    boolean addDependenciesToContext,
    List<JsonNode> additionalInput) {
  public ContextSettings {
    instructions = List.copyOf(instructions);
    additionalInput = List.copyOf(additionalInput);
  }
}
