/** Knowledge internals: not part of Agentry's API. */
@NullMarked
package dev.agentry.engine.knowledge.internal.lucene;

import org.jspecify.annotations.NullMarked;
