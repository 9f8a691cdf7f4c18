package dev.agentry.engine.model;

import java.util.List;

/**
 * The hooks of an agent or team leader.
 *
 * @param pre implements {@code pre_hooks}: run in order after the session is loaded, before the model is called
 * @param post implements {@code post_hooks}: run in order on the output before it is returned
 * @param background implements the AgentOS setting {@code run_hooks_in_background}: the post-hooks that are not
 *     guardrails run after the run has ended, their failures logged
 */
public record HookSettings(List<HookDef> pre, List<HookDef> post, boolean background) {
  /** No hooks. */
  public static final HookSettings NONE = new HookSettings(List.of(), List.of(), false);

  public HookSettings {
    pre = List.copyOf(pre);
    post = List.copyOf(post);
  }

  public boolean isEmpty() {
    return pre.isEmpty() && post.isEmpty();
  }
}
