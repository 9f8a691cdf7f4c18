/**
 * The built-in guardrails YAML names with {@code guardrail:} ({@code pii_detection}, {@code prompt_injection},
 * {@code openai_moderation}), each a {@link dev.agentry.engine.hook.RunHook} made from its options by
 * {@link dev.agentry.engine.hook.guardrail.Guardrails}. How hooks are run is not here ({@code run/Hooks}).
 */
@NullMarked
package dev.agentry.engine.hook.guardrail;

import org.jspecify.annotations.NullMarked;
