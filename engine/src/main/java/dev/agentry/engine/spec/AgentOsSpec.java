package dev.agentry.engine.spec;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code spec} of an {@code AgentOS} resource as written in YAML; implements
 * {@code schemas/agentos.schema.json#/properties/spec}.
 *
 * <p>One component per schema property, in the schema's order (a drift test compares them); the descriptions live in
 * the schema. Every component is {@code null} when its YAML key is absent; defaults are applied by the compiler, not
 * here. Nested records implement the objects under {@code $defs} of the same name.
 */
public record AgentOsSpec(
    @Nullable String name,
    @Nullable String description,
    @Nullable String version,
    @Nullable List<String> agents,
    @Nullable List<String> teams,
    @Nullable List<String> workflows,
    @Nullable List<String> knowledge,
    @Nullable String db,
    @Nullable List<String> corsAllowedOrigins,
    @Nullable Secret securityKey,
    @Nullable Boolean authorization,
    @Nullable AuthorizationConfig authorizationConfig,
    @Nullable OsConfig config,
    @Nullable Boolean a2aInterface,
    @Nullable Boolean enableMcpServer,
    @Nullable Boolean tracing,
    @Nullable String tracingDb,
    @Nullable Boolean autoProvisionDbs,
    @Nullable Boolean runHooksInBackground,
    @Nullable Boolean telemetry) {
  /**
   * The JWT verification settings, used when authorization is true; implements
   * {@code schemas/agentos.schema.json#/$defs/authorizationConfig}.
   */
  public record AuthorizationConfig(
      @Nullable List<Secret> verificationKeys,
      @Nullable String algorithm,
      @Nullable String jwksFile,
      @Nullable String jwksUrl,
      @Nullable String audience,
      @Nullable Boolean verifyAudience,
      @Nullable Integer leeway,
      @Nullable String userIdClaim,
      @Nullable String sessionIdClaim,
      @Nullable String scopesClaim,
      @Nullable List<String> dependenciesClaims,
      @Nullable List<String> sessionStateClaims,
      @Nullable String adminScope,
      @Nullable Boolean userIsolation) {}

  /** Settings of the AgentOS pages; implements {@code schemas/agentos.schema.json#/$defs/osConfig}. */
  public record OsConfig(
      @Nullable List<String> availableModels,
      @Nullable ChatConfig chat,
      @Nullable EvalsConfig evals,
      @Nullable PageConfig knowledge,
      @Nullable PageConfig memory,
      @Nullable PageConfig session,
      @Nullable PageConfig metrics) {}

  /** Settings of the Chat page; implements {@code schemas/agentos.schema.json#/$defs/chatConfig}. */
  public record ChatConfig(
      @Nullable Map<String, List<String>> quickPrompts) {}

  /** Settings of the Evals page; implements {@code schemas/agentos.schema.json#/$defs/evalsConfig}. */
  public record EvalsConfig(
      @Nullable List<String> availableModels,
      @Nullable String displayName,
      @Nullable List<PageDatabase> dbs) {}

  /** Settings of one page; implements {@code schemas/agentos.schema.json#/$defs/pageConfig}. */
  public record PageConfig(
      @Nullable String displayName,
      @Nullable List<PageDatabase> dbs) {}

  /** A database shown on a page; implements {@code schemas/agentos.schema.json#/$defs/pageDatabase}. */
  public record PageDatabase(
      @Nullable String dbId,
      @Nullable DomainConfig domainConfig,
      @Nullable List<String> tables) {}

  /**
   * The display settings of a database on a page; implements {@code schemas/agentos.schema.json#/$defs/domainConfig}.
   */
  public record DomainConfig(
      @Nullable String displayName) {}
}
