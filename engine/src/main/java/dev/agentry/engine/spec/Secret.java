package dev.agentry.engine.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A secret value from a spec (an API key, a database URL with a password, a bearer token); implements
 * {@code schemas/common.schema.json#/$defs/secret}.
 *
 * <p>Specs write secrets as {@code ${env:NAME}} or {@code ${file:path}} so they stay out of Git, and the resolved
 * value must never show up in errors, logs or API responses. A record's generated {@code toString()} prints every
 * component, so a {@code *Spec} record holding a plain {@code String} would leak the value the first time a spec,
 * a diagnostic or a log line is printed. This type keeps the value behind {@link #value()} (read it only where it is
 * used, e.g. to build a request header) and prints {@code ******} instead.
 *
 * @param value the resolved secret, after {@code ${env:...}} interpolation
 */
public record Secret(String value) {

  /**
   * Wraps a resolved secret; Jackson uses this factory to build a {@code Secret} from a YAML string.
   *
   * @param value the resolved secret
   * @return the secret
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** Returns {@code ******}, never the value, so that printing a spec cannot leak it. */
  @Override
  public String toString() {
    return "******";
  }
}
