/**
 * The MongoDB store backend: one collection per record kind ({@code {prefix}sessions}, {@code {prefix}runs},
 * {@code {prefix}memories}, {@code {prefix}metrics}), its numbered migrations recorded in
 * {@code {prefix}schema_versions}. Needs no transactions, text indexes or other features an embedded test server
 * lacks: every write is a single-document operation.
 *
 * <p>Does not belong here: SQL, other backends, driver types in any signature outside this package.
 */
@NullMarked
package dev.agentry.engine.store.mongo;

import org.jspecify.annotations.NullMarked;
