/**
 * Engine internals shared by several packages (the JSON mapper). Not API: may change in any release.
 *
 * <p>Does not belong here: anything a user of the engine calls.
 */
@NullMarked
package dev.agentry.engine.internal;

import org.jspecify.annotations.NullMarked;
