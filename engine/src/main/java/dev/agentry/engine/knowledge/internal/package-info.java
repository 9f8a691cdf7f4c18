/** Knowledge internals: not part of Agentry's API. */
@NullMarked
package dev.agentry.engine.knowledge.internal;

import org.jspecify.annotations.NullMarked;
