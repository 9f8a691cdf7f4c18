package dev.agentry.engine.store.sql;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One numbered step of the schema: the statements that take the tables from version {@code version - 1} to
 * {@code version}. A step never changes once released; a change to the schema is a new step.
 */
record SqlMigration(int version, BiFunction<SqlTables, SqlDialect, List<String>> statements) {}
