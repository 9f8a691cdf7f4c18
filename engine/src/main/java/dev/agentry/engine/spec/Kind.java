package dev.agentry.engine.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of resource a spec set can declare, each with its wire name, its schema in {@code schemas/} and the
 * record its {@code spec} binds to.
 */
public enum Kind {
  AGENT("Agent", "agent.schema.json", AgentSpec.class),
  TEAM("Team", "team.schema.json", TeamSpec.class),
  WORKFLOW("Workflow", "workflow.schema.json", WorkflowSpec.class),
  TOOLKIT("Toolkit", "toolkit.schema.json", ToolkitSpec.class),
  MODEL("Model", "model.schema.json", ModelSpec.class),
  KNOWLEDGE("Knowledge", "knowledge.schema.json", KnowledgeSpec.class),
  DATABASE("Database", "database.schema.json", DatabaseSpec.class),
  AGENT_OS("AgentOS", "agentos.schema.json", AgentOsSpec.class);

  /** The only {@code apiVersion} this release reads. */
  public static final String API_VERSION = "agentry.dev/v1";

  private final String wireName;
  private final String schemaFile;
  private final Class<? extends Record> specType;

  Kind(String wireName, String schemaFile, Class<? extends Record> specType) {
    this.wireName = wireName;
    this.schemaFile = schemaFile;
    this.specType = specType;
  }

  /** The name written in YAML ({@code kind: Agent}). */
  public String wireName() {
    return wireName;
  }

  /** The schema file of this kind in {@code schemas/}. */
  public String schemaFile() {
    return schemaFile;
  }

  /** The record the {@code spec} of this kind binds to. */
  public Class<? extends Record> specType() {
    return specType;
  }

  /** The kind written as {@code name} in YAML, if there is one. */
  public static Optional<Kind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }

  /** Every wire name, in declaration order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Kind::wireName).toList();
  }
}
