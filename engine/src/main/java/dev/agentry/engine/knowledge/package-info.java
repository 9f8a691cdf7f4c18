/**
 * Knowledge: content read from sources, chunked, embedded and indexed, then searched by runs (agentic and classic RAG)
 * and by the knowledge API. The ports here ({@link dev.agentry.engine.knowledge.KnowledgeIndex},
 * {@link dev.agentry.engine.knowledge.Embedder}) have one conformance suite each; the implementations live in
 * {@code internal} packages.
 */
@NullMarked
package dev.agentry.engine.knowledge;

import org.jspecify.annotations.NullMarked;
