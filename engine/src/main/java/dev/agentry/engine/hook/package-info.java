/**
 * Pre and post hooks of agent and team runs (Agno's {@code pre_hooks}/{@code post_hooks}): the public
 * {@link dev.agentry.engine.hook.RunHook} plugins implement, the context a hook is given, and the check errors a
 * guardrail throws to block a run. The built-in guardrails are in {@code hook.guardrail}; how hooks are run (events,
 * background post-hooks) is the runtime's ({@code run/Hooks}). No YAML reading and no HTTP here.
 */
@NullMarked
package dev.agentry.engine.hook;

import org.jspecify.annotations.NullMarked;
