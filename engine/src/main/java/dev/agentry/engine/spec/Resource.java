package dev.agentry.engine.spec;

/**
 * One valid resource: its document ({@link Draft}), metadata and typed {@code spec} record.
 *
 * @param <S> the spec record of the kind, such as {@link AgentSpec}
 */
public record Resource<S extends Record>(Draft draft, Metadata metadata, S spec) {
  /** The resource's kind. */
  public Kind kind() {
    return draft.kind();
  }

  /** The resource's id, {@code metadata.name}. */
  public String name() {
    return draft.name();
  }

  /** The file the resource was read from. */
  public String file() {
    return draft.file();
  }
}
