/**
 * The engine's machinery that is not API: {@link dev.agentry.engine.run.internal.LeaseKeeper}, which keeps an
 * engine's instance lease on every database it uses. Nothing here is stable; the server imports only its test hook.
 *
 * <p>Does not belong here: anything a user of {@code Engine} calls.
 */
@NullMarked
package dev.agentry.engine.run.internal;

import org.jspecify.annotations.NullMarked;
