package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.SpecRoot;
import java.nio.file.Path;

/**
 * Checks at load that the paths a spec names but the engine opens only later stay inside the spec root, by the rule
 * {@link SpecRoot} applies to every path: a file toolkit's {@code root} (resolved against the spec root, as
 * {@code FileTools} resolves it), a knowledge source's {@code path} and an agent's {@code save_response_to_file}
 * (relative to their YAML file). The paths need
 * not exist yet; {@code ${file:...}} and schema files are checked where they are read.
 */
final class SpecPathChecks {
  private SpecPathChecks() {}

  static void check(Draft resource, Problems problems) {
    Path root = resource.root().folder();
    switch (resource.kind()) {
      case AGENT -> {
        confine(resource, "/spec/tools/*/options/root", "file root", root, problems);
        confine(resource, "/spec/save_response_to_file", "response file", Path.of(resource.file()).toAbsolutePath()
            .getParent(), problems);
      }
      case TEAM -> confine(resource, "/spec/tools/*/options/root", "file root", root, problems);
      case TOOLKIT -> confine(resource, "/spec/options/root", "file root", root, problems);
      case KNOWLEDGE -> confine(resource, "/spec/sources/*/path", "knowledge source",
          Path.of(resource.file()).toAbsolutePath().getParent(), problems);
      case MODEL, WORKFLOW, DATABASE, AGENT_OS -> {}
    }
  }

  private static void confine(Draft resource, String pattern, String noun, Path base, Problems problems) {
    for (TreePaths.Found found : TreePaths.find(resource.tree(), pattern)) {
      if (!found.value().isString()) {
        continue;
      }
      switch (resource.root().resolve(noun, found.value().asString(), base)) {
        case SpecRoot.Refusal refusal when resource.secretPointers().contains(found.pointer()) ->
            problems.at(resource, found.pointer(), refusal.code(), "the interpolated " + noun
                + " is outside the spec folder or a system file", refusal.hint()); // never echo interpolated values
        case SpecRoot.Refusal refusal -> problems.at(resource, found.pointer(), refusal.code(), refusal.message(),
            refusal.hint());
        case SpecRoot.Inside inside -> {}
      }
    }
  }
}
