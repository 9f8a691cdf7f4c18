/**
 * Agentry's engine: spec loading ({@code spec}), compilation ({@code compile}) and the immutable compiled model
 * ({@code model}). HTTP and the command line live in the server module, never here.
 */
@NullMarked
package dev.agentry.engine;

import org.jspecify.annotations.NullMarked;
