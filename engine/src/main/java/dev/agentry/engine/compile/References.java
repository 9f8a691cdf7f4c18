package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Kind;
import java.util.List;
import java.util.Map;

/**
 * Which fields of each kind name another resource: the single table the compiler resolves references from.
 * Workflow steps are walked separately ({@link StepChecker}) because they nest.
 */
final class References {
  /** A field at {@code path} (with {@code *} for list elements) naming a resource of {@code target}. */
  record Rule(String path, Target target) {}

  /** What a reference may name: a resource kind, or a model (a {@code provider:model_id} string or a Model). */
  enum Target {
    AGENT(Kind.AGENT), TEAM(Kind.TEAM), WORKFLOW(Kind.WORKFLOW), TOOLKIT(Kind.TOOLKIT), KNOWLEDGE(Kind.KNOWLEDGE),
    DATABASE(Kind.DATABASE), MODEL(Kind.MODEL);

    final Kind kind;

    Target(Kind kind) {
      this.kind = kind;
    }
  }

  private static final List<Rule> MEMBER_FIELDS = List.of(
      new Rule("/spec/model", Target.MODEL),
      new Rule("/spec/reasoning_model", Target.MODEL),
      new Rule("/spec/parser_model", Target.MODEL),
      new Rule("/spec/output_model", Target.MODEL),
      new Rule("/spec/memory_manager/model", Target.MODEL),
      new Rule("/spec/session_summary_manager/model", Target.MODEL),
      new Rule("/spec/compression_manager/model", Target.MODEL),
      new Rule("/spec/db", Target.DATABASE),
      new Rule("/spec/knowledge", Target.KNOWLEDGE),
      new Rule("/spec/reasoning_agent", Target.AGENT),
      new Rule("/spec/tools/*/toolkit", Target.TOOLKIT));

  static final Map<Kind, List<Rule>> RULES = Map.of(
      Kind.AGENT, MEMBER_FIELDS,
      Kind.TEAM, concat(MEMBER_FIELDS, List.of(
          new Rule("/spec/members/*/agent", Target.AGENT),
          new Rule("/spec/members/*/team", Target.TEAM))),
      Kind.WORKFLOW, List.of(new Rule("/spec/db", Target.DATABASE)),
      Kind.KNOWLEDGE, List.of(
          new Rule("/spec/embedder/model", Target.MODEL),
          new Rule("/spec/contents_db", Target.DATABASE)),
      Kind.AGENT_OS, List.of(
          new Rule("/spec/agents/*", Target.AGENT),
          new Rule("/spec/teams/*", Target.TEAM),
          new Rule("/spec/workflows/*", Target.WORKFLOW),
          new Rule("/spec/knowledge/*", Target.KNOWLEDGE),
          new Rule("/spec/db", Target.DATABASE),
          new Rule("/spec/tracing_db", Target.DATABASE),
          new Rule("/spec/config/available_models/*", Target.MODEL),
          new Rule("/spec/config/evals/available_models/*", Target.MODEL),
          new Rule("/spec/config/evals/dbs/*/db_id", Target.DATABASE),
          new Rule("/spec/config/knowledge/dbs/*/db_id", Target.DATABASE),
          new Rule("/spec/config/memory/dbs/*/db_id", Target.DATABASE),
          new Rule("/spec/config/session/dbs/*/db_id", Target.DATABASE),
          new Rule("/spec/config/metrics/dbs/*/db_id", Target.DATABASE)),
      Kind.TOOLKIT, List.of(),
      Kind.MODEL, List.of(),
      Kind.DATABASE, List.of());

  /** Fields that must hold exactly one of a set of keys: a tool is a builtin or a toolkit, and so on. */
  record OneOf(String path, List<String> keys, String what) {}

  private static final List<OneOf> MEMBER_ONE_OF = List.of(
      new OneOf("/spec/tools/*", List.of("builtin", "toolkit"), "a tool"),
      new OneOf("/spec/pre_hooks/*", List.of("guardrail", "plugin"), "a hook"),
      new OneOf("/spec/post_hooks/*", List.of("guardrail", "plugin"), "a hook"));

  static final Map<Kind, List<OneOf>> ONE_OF = Map.of(
      Kind.AGENT, MEMBER_ONE_OF,
      Kind.TEAM, concat(MEMBER_ONE_OF, List.of(new OneOf("/spec/members/*", List.of("agent", "team"), "a team member"))),
      Kind.TOOLKIT, List.of(new OneOf("/spec", List.of("builtin", "mcp", "http", "openapi", "plugin", "functions"), "a toolkit")),
      Kind.KNOWLEDGE, List.of(new OneOf("/spec/sources/*", List.of("path", "url", "text"), "a knowledge source")));


  private References() {}

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
