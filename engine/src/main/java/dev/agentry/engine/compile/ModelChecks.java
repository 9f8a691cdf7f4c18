package dev.agentry.engine.compile;

import dev.agentry.engine.model.MediaKind;
import dev.agentry.engine.model.MediaSupport;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.SourceMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/** The checks of a {@code Model} resource that its schema cannot express. */
final class ModelChecks {
  private ModelChecks() {}

  static void check(Draft model, Problems problems) {
    JsonNode spec = model.tree().path("spec");
    String provider = spec.path("provider").asString("");
    if (!provider.equals("scripted") && !spec.has("id")) {
      problems.atKey(model, "/spec", "missing-field", "a model of provider " + provider + " needs 'id', the provider's model id",
          "e.g. id: gpt-4o-mini");
    }
    if (provider.equals("azure") && !spec.has("base_url")) {
      problems.atKey(model, "/spec", "missing-field", "an azure model needs 'base_url' (your deployment's endpoint)",
          null);
    }
    if (provider.equals("scripted") && !spec.has("script")) {
      problems.atKey(model, "/spec", "missing-field", "a scripted model needs 'script' with its turns or rules",
          null);
    }
    JsonNode media = spec.path("input_media");
    for (int i = 0; i < media.size(); i++) {
      MediaKind kind = MediaKind.of(media.get(i).asString("")).orElse(null);
      if (kind != null && !MediaSupport.sendable(provider).contains(kind)) {
        problems.at(model, SourceMap.child("/spec/input_media", i), "unsupported-media", "provider " + provider
            + " cannot be sent " + kind.wireName() + " input", "its client sends: " + String.join(", ",
            MediaSupport.sendable(provider).stream().sorted().map(MediaKind::wireName).toList()));
      }
    }
    JsonNode rules = spec.path("script").path("rules");
    for (int i = 0; i < rules.size(); i++) {
      JsonNode when = rules.get(i).get("when");
      if (when != null && when.isString()) {
        try {
          Pattern.compile(when.asString());
        } catch (PatternSyntaxException e) {
          String pointer = SourceMap.child(SourceMap.child("/spec/script/rules", i), "when");
          problems.at(model, pointer, "bad-regex", "invalid regular expression: " + e.getDescription()
              + " near index " + e.getIndex(), null);
        }
      }
    }
  }
}
