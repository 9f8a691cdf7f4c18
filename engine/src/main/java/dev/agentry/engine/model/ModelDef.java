package dev.agentry.engine.model;

import dev.agentry.engine.spec.ModelSpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A resolved model: the provider and model id an agent or team calls, plus the {@code Model} resource's settings
 * when it named one (null for a plain {@code provider:model_id} string, which uses the provider's defaults).
 *
 * @param resource the name of the {@code Model} resource, or null for an inline string
 */
public record ModelDef(@Nullable String resource, String provider, String modelId, @Nullable ModelSpec spec) {
  /** A model given inline as {@code provider:model_id}. */
  public static ModelDef of(String reference) {
    int colon = reference.indexOf(':');
    return new ModelDef(null, reference.substring(0, colon), reference.substring(colon + 1), null);
  }

  /**
   * The media this model takes as input: the {@code Model} resource's {@code input_media}, else its provider's
   * default ({@link MediaSupport#defaults}).
   */
  public Set<MediaKind> inputMedia() {
    if (spec == null || spec.inputMedia() == null) {
      return MediaSupport.defaults(provider);
    }
    Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
    spec.inputMedia().forEach(name -> MediaKind.of(name).ifPresent(kinds::add));
    return Collections.unmodifiableSet(kinds);
  }

  /** "provider:model_id", for logs and the API's {@code model} fields. */
  public String qualifiedName() {
    return provider + ":" + modelId;
  }
}
