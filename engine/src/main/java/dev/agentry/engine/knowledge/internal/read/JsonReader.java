package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.internal.PythonJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agno's {@code JSONReader}: one document per element of a top-level array (an object or a scalar is one document),
 * each the element written back as Python's {@code json.dumps(ensure_ascii=False)} does, with {@code page} its
 * 1-based number.
 */
final class JsonReader implements Reader {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public String id() {
    return "json";
  }

  @Override
  public String name() {
    return "JsonReader";
  }

  @Override
  public String description() {
    return "Processes JSON data structures and API responses with nested object handling";
  }

  @Override
  public List<String> chunkers() {
    return List.of("CodeChunker", "FixedSizeChunker", "AgenticChunker", "DocumentChunker", "RecursiveChunker",
        "SemanticChunker");
  }

  @Override
  public List<String> contentTypes() {
    return List.of(".json");
  }

  @Override
  public List<Document> read(String name, byte[] bytes, Map<String, Object> metadata) {
    JsonNode root;
    try {
      root = JSON.readTree(TextDecoding.utf8(name, bytes));
    } catch (JacksonException e) {
      throw new KnowledgeException("Could not read '" + name + "': it is not valid JSON (" + e.getOriginalMessage()
          + ").", e);
    }
    List<JsonNode> elements = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(elements::add);
    } else {
      elements.add(root);
    }
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      Map<String, Object> meta = new HashMap<>(metadata);
      meta.put("page", i + 1);
      documents.add(new Document(name, PythonJson.dumpsUnicode(plain(elements.get(i))), meta));
    }
    return documents;
  }

  /** The tree as maps, lists and Java numbers, so it is written with Python's spelling. */
  private static @Nullable Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<@Nullable Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asString();
  }
}
