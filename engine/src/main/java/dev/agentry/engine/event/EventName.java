package dev.agentry.engine.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire name of an event: the SSE {@code event:} line and the JSON {@code "event"} field, exactly as Agno's
 * AgentOS writes it ({@code shared/reference/agentos-api.md} §3.3). Declared, never derived from the class name, so a
 * rename cannot change the wire format.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {
  String value();
}
