package dev.agentry.engine.spec;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A document that declares a known kind and a name, whether or not it passed schema validation: what cross-resource
 * checks need (the tree and where each part was written), so that every problem of a set is found in one pass.
 *
 * @param secretPointers JSON Pointers whose values came from interpolation (never echoed in messages)
 * @param root the spec root the document was loaded from, which every path it names must stay inside
 */
public record Draft(
    Kind kind, String name, YamlReader.Document document, Set<String> secretPointers, SpecRoot root) {
  public Draft {
    secretPointers = Set.copyOf(secretPointers);
  }

  /** The file the document was read from. */
  public String file() {
    return document.file();
  }

  /** The document's whole tree after interpolation ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}). */
  public JsonNode tree() {
    return document.root();
  }

  /** Where the value at {@code pointer} (e.g. {@code /spec/model}) was written. */
  public SourceMap.Mark markOf(String pointer) {
    return document.sourceMap().value(pointer);
  }

  /** "Agent 'researcher'", for messages. */
  public String describe() {
    return kind.wireName() + " '" + name + "'";
  }
}
