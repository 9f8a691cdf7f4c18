package dev.agentry.engine.model;

import dev.agentry.engine.spec.Metadata;

/**
 * A compiled resource that needs no resolution beyond its own spec: a {@code Toolkit}, {@code Model},
 * {@code Knowledge}, {@code Database} or {@code AgentOS}.
 *
 * @param <S> its spec record
 */
public record ResourceDef<S extends Record>(String id, Metadata metadata, S spec, String source) {}
