package dev.agentry.engine.spec;

import org.jspecify.annotations.Nullable;

/**
 * The {@code spec} of a {@code Database} resource as written in YAML; implements
 * {@code schemas/database.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name.
 */
public record DatabaseSpec(
    @Nullable Secret url,
    @Nullable String tablePrefix,
    @Nullable String sessionTable,
    @Nullable String memoryTable,
    @Nullable String metricsTable,
    @Nullable String evalTable,
    @Nullable String knowledgeTable,
    @Nullable String tracesTable,
    @Nullable Pool pool) {
  /** Connection pool settings; implements {@code schemas/database.schema.json#/$defs/pool}. */
  public record Pool(
      @Nullable Integer maxSize,
      @Nullable Integer connectionTimeoutMs) {}
}
