/**
 * The built-in knowledge runtime: the default {@link dev.agentry.engine.knowledge.KnowledgeBase}, its background
 * ingestion, the sync of a spec's sources, and the opener that picks the index and embedder a Knowledge declares.
 */
@NullMarked
package dev.agentry.engine.knowledge.internal.base;

import org.jspecify.annotations.NullMarked;
