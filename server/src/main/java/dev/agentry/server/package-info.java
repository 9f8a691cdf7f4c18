/**
 * Agentry's server module: the {@code agentry} command line ({@code cli}); the HTTP server arrives with its issue.
 * Depends on the engine; nothing depends on it.
 */
@NullMarked
package dev.agentry.server;

import org.jspecify.annotations.NullMarked;
