package dev.agentry.engine.knowledge.internal.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.knowledge.EmbeddingsStub;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.StubVectors;
import dev.agentry.engine.model.KnowledgeDef.EmbedderDef;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.spec.Secret;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAI embeddings client against {@link EmbeddingsStub}: request, batching, order, retries and failures. */
class EmbeddersTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final EmbeddingsStub stub = EmbeddingsStub.start(64);

  @AfterEach
  void stop() {
    stub.close();
  }

  private static ModelDef resource(String provider, String id, @Nullable String baseUrl, @Nullable String key,
      @Nullable Integer maxRetries) {
    return new ModelDef("embedder", provider, id, new ModelSpec(provider, id, baseUrl,
        key == null ? null : Secret.of(key), null, null, null, null, null, null, null, null, maxRetries, null, null,
        null, null, null, null));
  }

  private Embedder open(ModelDef model, int dimensions, Map<String, String> env) {
    return Embedders.open(new EmbedderDef(model, dimensions), HTTP, env::get);
  }

  private Embedder openai(int dimensions) {
    return open(resource("openai", "text-embedding-3-small", stub.baseUrl(), "sk-test", null), dimensions, Map.of());
  }

  @Test
  void embedsTextsInOrderWithTheKeyModelAndDimensions() {
    stub.requireKey("sk-test");

    List<float[]> vectors = openai(32).embed(List.of("cats purr softly", "dogs bark loudly"));

    assertThat(vectors).hasSize(2);
    assertThat(vectors.get(0)).containsExactly(StubVectors.embed("cats purr softly", 32));
    assertThat(vectors.get(1)).containsExactly(StubVectors.embed("dogs bark loudly", 32));
    EmbeddingsStub.Request request = stub.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1/embeddings");
    assertThat(request.authorization()).isEqualTo("Bearer sk-test");
    assertThat(request.body().path("model").asString()).isEqualTo("text-embedding-3-small");
    assertThat(request.inputs()).containsExactly("cats purr softly", "dogs bark loudly");
    assertThat(request.body().path("dimensions").asInt()).isEqualTo(32);
    assertThat(request.body().path("encoding_format").asString()).isEqualTo("float");
  }

  @Test
  void readsTheKeyFromTheProvidersVariable() {
    stub.requireKey("sk-from-env");
    Embedder embedder = open(resource("openai", "text-embedding-3-small", stub.baseUrl(), null, null), 16,
        Map.of("OPENAI_API_KEY", "sk-from-env"));

    assertThat(embedder.embed(List.of("hello"))).hasSize(1);
    assertThat(stub.requests().getFirst().authorization()).isEqualTo("Bearer sk-from-env");
  }

  @Test
  void aMissingKeyNamesTheModelAndTheVariable() {
    Embedder embedder = open(ModelDef.of("openai:text-embedding-3-small"), 1536, Map.of());

    assertThatThrownBy(() -> embedder.embed(List.of("hello"))).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("openai:text-embedding-3-small").hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void sendsAtMostOneHundredTextsPerRequestAndKeepsTheOrderAcrossBatches() {
    List<String> texts = IntStream.range(0, 250).mapToObj(i -> "text number " + i + " word" + i).toList();

    List<float[]> vectors = openai(64).embed(texts);

    assertThat(stub.requests()).extracting(r -> r.inputs().size()).containsExactly(100, 100, 50);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(vectors.get(i)).as("text %d", i).containsExactly(StubVectors.embed(texts.get(i), 64));
    }
  }

  @Test
  void ordersTheAnswerByIndex() {
    stub.reverseOrder();

    List<float[]> vectors = openai(64).embed(List.of("first text", "second text", "third text"));

    assertThat(vectors.get(0)).containsExactly(StubVectors.embed("first text", 64));
    assertThat(vectors.get(2)).containsExactly(StubVectors.embed("third text", 64));
  }

  @Test
  void retriesRateLimitsAndServerErrors() {
    stub.failNext(2, 429);

    assertThat(openai(64).embed(List.of("patience"))).hasSize(1);
    assertThat(stub.requests()).hasSize(3);
  }

  @Test
  void givesUpAfterTheModelsRetriesWithTheProvidersMessage() {
    stub.failNext(10, 500);
    Embedder embedder = open(resource("openai", "text-embedding-3-small", stub.baseUrl(), "sk", 1), 64, Map.of());

    assertThatThrownBy(() -> embedder.embed(List.of("doomed"))).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("openai:text-embedding-3-small").hasMessageContaining("HTTP 500")
        .hasMessageContaining("The server had an error").hasMessageContaining("1 retry");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void aWrongKeySaysWhereToSetIt() {
    stub.requireKey("right");
    Embedder embedder = open(resource("openai", "text-embedding-3-small", stub.baseUrl(), "wrong", 0), 64, Map.of());

    assertThatThrownBy(() -> embedder.embed(List.of("x"))).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("invalid API key").hasMessageContaining("Model resource embedder");
  }

  @Test
  void anUnreachableBaseUrlNamesTheModelAndTheUrl() {
    Embedder embedder = open(resource("ollama", "nomic-embed-text", "http://127.0.0.1:1/v1", null, 0), 64, Map.of());

    assertThatThrownBy(() -> embedder.embed(List.of("x"))).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("ollama:nomic-embed-text").hasMessageContaining("cannot reach")
        .hasMessageContaining("http://127.0.0.1:1/v1");
  }

  @Test
  void embeddingsOfAnotherSizeThanDeclaredAreRefused() {
    stub.ignoreDimensions();
    Embedder embedder = open(resource("vllm", "bge-small", stub.baseUrl(), null, null), 384, Map.of());

    assertThatThrownBy(() -> embedder.embed(List.of("x"))).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("vllm:bge-small").hasMessageContaining("64 dimensions")
        .hasMessageContaining("expects 384");
  }

  @Test
  void azureNamesTheDeploymentInThePathAndSendsTheKeyAsApiKey() {
    String root = stub.baseUrl().substring(0, stub.baseUrl().length() - "/v1".length());
    Embedder embedder = open(resource("azure", "my-embeddings", root, "az-key", null), 64, Map.of());

    assertThat(embedder.embed(List.of("hello azure"))).hasSize(1);
    EmbeddingsStub.Request request = stub.requests().getFirst();
    assertThat(request.path()).isEqualTo("/openai/deployments/my-embeddings/embeddings");
    assertThat(request.query()).startsWith("api-version=");
    assertThat(request.header("api-key")).isEqualTo("az-key");
    assertThat(request.authorization()).isNull();
  }

  @Test
  void aProviderWithoutEmbeddingsIsRefusedWhenOpened() {
    assertThatThrownBy(() -> open(ModelDef.of("anthropic:claude-sonnet-4-5"), 1024, Map.of()))
        .isInstanceOf(KnowledgeException.class).hasMessageContaining("anthropic").hasMessageContaining("embeddings");
  }

  @Test
  void noTextsMeansNoRequest() {
    assertThat(openai(64).embed(List.of())).isEmpty();
    assertThat(stub.requests()).isEmpty();
  }
}
