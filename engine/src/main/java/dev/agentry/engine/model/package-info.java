/**
 * The immutable compiled model: {@link dev.agentry.engine.model.Catalog} and the {@code *Def} records it holds.
 *
 * <p>Does not belong here: mutable or runtime state (runs and stores own that), and positions (diagnostics are
 * produced before a catalog exists).
 */
@NullMarked
package dev.agentry.engine.model;

import org.jspecify.annotations.NullMarked;
