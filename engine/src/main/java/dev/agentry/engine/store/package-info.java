/**
 * The storage ports ({@link dev.agentry.engine.store.SessionStore}) and their records; backends live in the
 * subpackages ({@code store.memory}).
 *
 * <p>Does not belong here: backend-specific types, SQL, drivers; backends never import each other.
 */
@NullMarked
package dev.agentry.engine.store;

import org.jspecify.annotations.NullMarked;
