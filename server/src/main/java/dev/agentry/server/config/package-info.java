/**
 * The server's own settings ({@code ServerSettings}), from command-line flags and the environment. Settings that
 * spec authors write (CORS origins, the security key, the database) live in the {@code AgentOS} resource, not here.
 */
@NullMarked
package dev.agentry.server.config;

import org.jspecify.annotations.NullMarked;
