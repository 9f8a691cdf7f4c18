/**
 * Reading specs: YAML documents with positions ({@link dev.agentry.engine.spec.YamlReader},
 * {@link dev.agentry.engine.spec.SourceMap}), interpolation, JSON Schema validation and the raw {@code *Spec} records
 * that mirror {@code schemas/}.
 *
 * <p>Does not belong here: reference resolution and cross-resource checks (those are {@code compile}), and anything
 * that runs. {@code *Spec} records are the YAML as written: every component nullable, no positions as fields.
 */
@NullMarked
package dev.agentry.engine.spec;

import org.jspecify.annotations.NullMarked;
