/**
 * What the SQL backends ({@code store.sqlite}, {@code store.postgres}) share: one Jdbi implementation of
 * {@link dev.agentry.engine.store.SessionStore}, its schema migrations and the mapping of failures, parameterised by a
 * small {@link dev.agentry.engine.store.sql.SqlDialect}. Not a backend by itself.
 *
 * <p>Does not belong here: driver-specific code (URL parsing, pragmas, pool sources), which lives in each backend.
 */
@NullMarked
package dev.agentry.engine.store.sql;

import org.jspecify.annotations.NullMarked;
