/**
 * The knowledge index on PostgreSQL with pgvector ({@link PgVectorIndex}): the table and its indexes
 * ({@code PgVectorSchema}), the search SQL ({@code PgSearchSql}), metadata filters as SQL ({@code PgFilters}).
 *
 * <p>Does not belong here: the session stores' PostgreSQL code (in {@code store.postgres}, whose URL parsing this
 * reuses), embedding, chunking, and choosing which index a Knowledge uses.
 */
@NullMarked
package dev.agentry.engine.knowledge.internal.pgvector;

import org.jspecify.annotations.NullMarked;
