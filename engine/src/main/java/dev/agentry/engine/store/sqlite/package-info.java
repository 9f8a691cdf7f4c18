/**
 * The SQLite store backend: one database file, in WAL mode, shared safely by the threads and processes that open it.
 *
 * <p>Does not belong here: SQL that PostgreSQL shares (in {@code store.sql}); other backends.
 */
@NullMarked
package dev.agentry.engine.store.sqlite;

import org.jspecify.annotations.NullMarked;
