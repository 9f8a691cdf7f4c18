/**
 * The HTTP API: {@code Routes} is the single route table and the one place errors become {@code {"detail": ...}};
 * one {@code *Handlers} class per resource. Run execution belongs to the engine, event framing to {@code sse}.
 */
@NullMarked
package dev.agentry.server.http;

import org.jspecify.annotations.NullMarked;
