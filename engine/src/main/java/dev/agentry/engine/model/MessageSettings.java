package dev.agentry.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * How a participant's messages are built beyond {@link ContextSettings} (Agno's {@code Agent}/{@code Team} fields of
 * the same names), with the defaults applied.
 *
 * @param systemRole the role of the system message ({@code system_message_role}): system, developer, user or
 *     assistant
 * @param userRole the role of the user message ({@code user_message_role}); a team's leader's is always user
 * @param buildUserContext false to send the input as it is, without the context added to it
 *     ({@code build_user_context}); a team's leader always builds it
 * @param introduction stored as the first run of each new session ({@code introduction}); null for none
 * @param location the text "city, region, country" added to the system message ({@code add_location_to_context}
 *     with {@code location}); null when it is not added
 */
public record MessageSettings(
    String systemRole,
    String userRole,
    boolean buildUserContext,
    @Nullable String introduction,
    @Nullable String location) {
  /** Agno's defaults: system and user roles, the user context built, no introduction, no location. */
  public static final MessageSettings DEFAULT = new MessageSettings("system", "user", true, null, null);
}
