/**
 * Compiling specs into the immutable model: {@link dev.agentry.engine.compile.SpecCompiler} resolves references,
 * checks what a JSON Schema cannot (uniqueness, cycles, provider names, URL schemes, CEL syntax and the step names
 * expressions use, the validity of the JSON Schemas a spec embeds) and collects diagnostics.
 *
 * <p>Does not belong here: YAML parsing and schema validation ({@code spec}), and runtime state.
 */
@NullMarked
package dev.agentry.engine.compile;

import org.jspecify.annotations.NullMarked;
