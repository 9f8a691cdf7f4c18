package dev.agentry.engine.spec;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code metadata} of a resource: its id ({@code name}) and free labels and annotations, as in Kubernetes.
 * Implements {@code schemas/common.schema.json#/$defs/metadata}.
 */
public record Metadata(String name, Map<String, String> labels, Map<String, String> annotations) {
  public Metadata {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** Metadata with only a name. */
  public static Metadata of(String name) {
    return new Metadata(name, Map.of(), Map.of());
  }

  /** Builds metadata from possibly absent YAML maps. */
  public static Metadata of(
      String name, @Nullable Map<String, String> labels, @Nullable Map<String, String> annotations) {
    return new Metadata(name, labels, annotations);
  }
}
