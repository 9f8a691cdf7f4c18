/**
 * The PostgreSQL store backend: a pooled connection to a server, JSON kept as {@code jsonb}.
 *
 * <p>Does not belong here: SQL that SQLite shares (in {@code store.sql}); other backends.
 */
@NullMarked
package dev.agentry.engine.store.postgres;

import org.jspecify.annotations.NullMarked;
