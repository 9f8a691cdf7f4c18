package dev.agentry.engine.knowledge.internal.embed;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.http.Endpoint;
import dev.agentry.engine.llm.http.ProviderHttp;
import dev.agentry.engine.llm.openai.OpenAiChatModel;
import dev.agentry.engine.llm.openai.OpenAiEndpoints;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An embedder speaking the OpenAI embeddings wire format ({@code POST {base_url}/embeddings}, Azure:
 * {@code {base_url}/openai/deployments/{id}/embeddings?api-version=...}), for OpenAI, Azure OpenAI and the
 * OpenAI-compatible servers. Sends at most {@link #BATCH_SIZE} texts per request (Agno's batch size), retries rate
 * limits and server errors as the model's {@code max_retries} allows (through {@link ProviderHttp}), and orders the
 * answer by each embedding's {@code index}. Thread-safe.
 */
final class OpenAiEmbedder implements Embedder {
  /** Texts per request, as Agno's embedders batch. */
  static final int BATCH_SIZE = 100;

  private final ModelDef model;
  private final ProviderHttp http;
  private final int dimensions;
  private final boolean sendDimensions;

  OpenAiEmbedder(ModelDef model, ProviderHttp http, int dimensions) {
    this.model = model;
    this.http = http;
    this.dimensions = dimensions;
    // As Agno: text-embedding-3 models take a size; so may a server the user pointed base_url at.
    ModelSpec spec = model.spec();
    this.sendDimensions = model.modelId().startsWith("text-embedding-3")
        || spec != null && spec.baseUrl() != null && !spec.baseUrl().isBlank() && !OpenAiEndpoints.isAzure(model);
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> all = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH_SIZE) {
      all.addAll(batch(texts.subList(from, Math.min(texts.size(), from + BATCH_SIZE))));
    }
    return all;
  }

  private List<float[]> batch(List<String> texts) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", model.modelId());
    body.putArray("input").addAll(texts.stream().map(t -> (JsonNode) Json.MAPPER.getNodeFactory().textNode(t))
        .toList());
    body.put("encoding_format", "float");
    if (sendDimensions) {
      body.put("dimensions", dimensions);
    }
    JsonNode answer;
    try {
      HttpRequest request = http.post(OpenAiEndpoints.url(model, http.endpoint(), "embeddings"), body, false,
          OpenAiEndpoints.headers(model, http.endpoint()));
      answer = http.send(request, Cancellation.NONE);
    } catch (ModelException e) {
      throw new KnowledgeException(failure(e.getMessage()), e);
    }
    return read(answer, texts.size());
  }

  private List<float[]> read(JsonNode answer, int expected) {
    JsonNode data = answer.path("data");
    if (!data.isArray() || data.size() != expected) {
      throw new KnowledgeException(failure("the answer holds " + (data.isArray() ? data.size() : 0)
          + " embeddings for " + expected + " texts"));
    }
    float[][] vectors = new float[expected][];
    for (JsonNode item : data) {
      int index = item.path("index").asInt(-1);
      if (index < 0 || index >= expected || vectors[index] != null) {
        throw new KnowledgeException(failure("the answer has a bad or repeated index " + item.path("index")));
      }
      float[] vector = vector(item.path("embedding"));
      if (vector.length != dimensions) {
        throw new KnowledgeException(failure("it returned embeddings of " + vector.length
            + " dimensions, but the knowledge expects " + dimensions + "; set the embedder's dimensions to "
            + vector.length));
      }
      vectors[index] = vector;
    }
    return List.of(vectors);
  }

  private float[] vector(JsonNode embedding) {
    if (embedding.isString()) {
      ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(embedding.asString()))
          .order(ByteOrder.LITTLE_ENDIAN);
      float[] vector = new float[bytes.remaining() / 4];
      bytes.asFloatBuffer().get(vector);
      return vector;
    }
    if (!embedding.isArray()) {
      throw new KnowledgeException(failure("an answer item has no embedding"));
    }
    float[] vector = new float[embedding.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = embedding.get(i).floatValue();
    }
    return vector;
  }

  private String failure(String cause) {
    return "embedding model " + model.qualifiedName() + (model.resource() == null ? "" : " (Model resource "
        + model.resource() + ")") + " failed: " + cause;
  }

  @Override
  public String toString() {
    return "OpenAiEmbedder[" + model.qualifiedName() + ", dimensions=" + dimensions + "]";
  }

  static @Nullable String keyVariable(String provider) {
    return OpenAiChatModel.keyVariable(provider);
  }
}
