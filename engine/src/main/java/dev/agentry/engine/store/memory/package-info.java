/**
 * The in-memory store backend.
 *
 * <p>Does not belong here: anything durable; other backends.
 */
@NullMarked
package dev.agentry.engine.store.memory;

import org.jspecify.annotations.NullMarked;
