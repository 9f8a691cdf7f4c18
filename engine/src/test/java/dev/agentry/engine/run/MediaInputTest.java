package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.store.SessionQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Media sent with a run reach the provider in its own wire shape (OpenAI content parts, Anthropic content blocks),
 * are stored with the run's input, and are refused before the run starts when the model cannot take them.
 */
class MediaInputTest {
  private static final String IMAGE_URL = "https://example.com/cat.png";
  private static final byte[] PDF = "%PDF-1.4 a tiny document".getBytes(StandardCharsets.US_ASCII);
  private static final String PDF_BASE64 = Base64.getEncoder().encodeToString(PDF);
  private static final List<Media> MEDIA = List.of(Media.Image.ofUrl(IMAGE_URL),
      Media.File.of(PDF, "application/pdf", "report.pdf"));

  @TempDir Path dir;
  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  private Engine engine(String provider, String id, String extra) {
    return engine(provider, id, extra, "");
  }

  private Engine engine(String provider, String id, String extra, String agentExtra) {
    return Engine.create(Specs.compile(dir, Specs.HEADER + """
        kind: Agent
        metadata: {name: agent}
        spec:
          model: m
        """ + agentExtra + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: m}
        spec:
          provider: %s
          id: %s
          api_key: sk-test
          max_retries: 0
          base_url: %s
        """.formatted(provider, id, stub.baseUrl()) + extra));
  }

  private static RunRequest withMedia(List<Media> media) {
    return RunRequest.create(r -> r.input("what is in these?").stream(false).media(media));
  }

  @Test
  void an_image_url_and_a_base64_pdf_reach_openai_as_content_parts() {
    stub.reply(Reply.json(StubProvider.fixture("llm/openai/text.json")));

    RunOutput out = engine("openai", "gpt-4o-mini", "").run("agent", withMedia(MEDIA));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode messages = stub.lastRequest().json().get("messages");
    JsonNode user = messages.get(messages.size() - 1);
    assertThat(user.get("role").asString()).isEqualTo("user");
    JsonNode parts = user.get("content");
    assertThat(parts.isArray()).isTrue();
    assertThat(parts.size()).isEqualTo(3);
    JsonNode file = parts.get(0);
    assertThat(file.get("type").asString()).isEqualTo("file");
    assertThat(file.get("file").get("filename").asString()).isEqualTo("report.pdf");
    assertThat(file.get("file").get("file_data").asString()).isEqualTo("data:application/pdf;base64," + PDF_BASE64);
    assertThat(parts.get(1).get("type").asString()).isEqualTo("text");
    assertThat(parts.get(1).get("text").asString()).isEqualTo("what is in these?");
    JsonNode image = parts.get(2);
    assertThat(image.get("type").asString()).isEqualTo("image_url");
    assertThat(image.get("image_url").get("url").asString()).isEqualTo(IMAGE_URL);
    assertThat(image.get("image_url").has("detail")).isFalse();
  }

  @Test
  void base64_image_and_audio_reach_openai_as_a_data_url_and_input_audio() {
    stub.reply(Reply.json(StubProvider.fixture("llm/openai/text.json")));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
    String pngBase64 = Base64.getEncoder().encodeToString(png);

    engine("openai", "gpt-4o-audio-preview", "").run("agent", withMedia(List.of(Media.Image.of(png, null),
        Media.Audio.of(new byte[] {1, 2, 3}, "audio/mpeg", null))));

    JsonNode messages = stub.lastRequest().json().get("messages");
    JsonNode parts = messages.get(messages.size() - 1).get("content");
    assertThat(parts.get(1).get("image_url").get("url").asString()).isEqualTo("data:image/png;base64," + pngBase64);
    JsonNode audio = parts.get(2);
    assertThat(audio.get("type").asString()).isEqualTo("input_audio");
    assertThat(audio.get("input_audio").get("data").asString()).isEqualTo("AQID");
    assertThat(audio.get("input_audio").get("format").asString()).isEqualTo("mp3");
  }

  @Test
  void an_image_url_and_a_base64_pdf_reach_anthropic_as_image_and_document_blocks() {
    stub.reply(Reply.json(StubProvider.fixture("llm/anthropic/text.json")));

    RunOutput out = engine("anthropic", "claude-sonnet-4-5", "").run("agent", withMedia(MEDIA));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode messages = stub.lastRequest().json().get("messages");
    JsonNode user = messages.get(messages.size() - 1);
    assertThat(user.get("role").asString()).isEqualTo("user");
    JsonNode blocks = user.get("content");
    assertThat(blocks.size()).isEqualTo(3);
    assertThat(blocks.get(0).get("type").asString()).isEqualTo("text");
    assertThat(blocks.get(0).get("text").asString()).isEqualTo("what is in these?");
    JsonNode image = blocks.get(1);
    assertThat(image.get("type").asString()).isEqualTo("image");
    assertThat(image.get("source").get("type").asString()).isEqualTo("url");
    assertThat(image.get("source").get("url").asString()).isEqualTo(IMAGE_URL);
    JsonNode document = blocks.get(2);
    assertThat(document.get("type").asString()).isEqualTo("document");
    assertThat(document.get("source").get("type").asString()).isEqualTo("base64");
    assertThat(document.get("source").get("media_type").asString()).isEqualTo("application/pdf");
    assertThat(document.get("source").get("data").asString()).isEqualTo(PDF_BASE64);
  }

  @Test
  void a_text_file_reaches_anthropic_as_a_plain_text_document() {
    stub.reply(Reply.json(StubProvider.fixture("llm/anthropic/text.json")));

    engine("anthropic", "claude-sonnet-4-5", "").run("agent", withMedia(List.of(
        Media.File.of("# Notes\nline".getBytes(StandardCharsets.UTF_8), "text/markdown", "notes.md"))));

    JsonNode messages = stub.lastRequest().json().get("messages");
    JsonNode source = messages.get(messages.size() - 1).get("content").get(1).get("source");
    assertThat(source.get("type").asString()).isEqualTo("text");
    assertThat(source.get("media_type").asString()).isEqualTo("text/plain");
    assertThat(source.get("data").asString()).isEqualTo("# Notes\nline");
  }

  @Test
  void the_media_are_stored_with_the_run_input_and_read_back() {
    stub.reply(Reply.json(StubProvider.fixture("llm/openai/text.json")));
    Engine engine = engine("openai", "gpt-4o-mini", "");

    RunOutput out = engine.run("agent", withMedia(MEDIA));

    RunOutput stored = engine.store().findRun(out.runId()).orElseThrow();
    assertThat(stored.input().inputContent()).isEqualTo("what is in these?");
    assertThat(stored.input().images()).singleElement().satisfies(i -> assertThat(i.url()).isEqualTo(IMAGE_URL));
    assertThat(stored.input().files()).singleElement().satisfies(f -> {
      assertThat(f.content()).isEqualTo(PDF_BASE64);
      assertThat(f.mimeType()).isEqualTo("application/pdf");
      assertThat(f.filename()).isEqualTo("report.pdf");
    });
    assertThat(stored.input().audios()).isNull();
    assertThat(stored.input().videos()).isNull();
  }

  @Test
  void anthropic_refuses_audio_before_the_run_starts() {
    Engine engine = engine("anthropic", "claude-sonnet-4-5", "");

    assertThatThrownBy(() -> engine.run("agent", withMedia(List.of(Media.Audio.of(new byte[] {1}, "audio/wav",
        null))))).isInstanceOf(UnsupportedMediaException.class)
        .hasMessageContaining("agent 'agent' cannot take this audio")
        .hasMessageContaining("does not take audio input (it takes image, file");
    assertThat(stub.requests()).isEmpty();
    assertThat(engine.store().listSessions(SessionQuery.all(1, 10)).items()).isEmpty();
  }

  @Test
  void a_model_that_declares_no_media_refuses_an_image() {
    Engine engine = engine("openai", "gpt-3.5-turbo", "  input_media: []\n");

    assertThatThrownBy(() -> engine.run("agent", withMedia(List.of(Media.Image.ofUrl(IMAGE_URL)))))
        .isInstanceOf(UnsupportedMediaException.class).hasMessageContaining("it takes no media");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void send_media_to_model_false_keeps_media_from_the_model_but_stores_them() {
    stub.reply(Reply.json(StubProvider.fixture("llm/openai/text.json")));
    Engine engine = engine("openai", "gpt-4o-mini", "", "  send_media_to_model: false\n");
    Media.Video video = Media.Video.of(new byte[] {1, 2}, "video/mp4", "mp4");

    RunOutput out = engine.run("agent", withMedia(List.of(video)));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode messages = stub.lastRequest().json().get("messages");
    assertThat(messages.get(messages.size() - 1).get("content").asString()).isEqualTo("what is in these?");
    assertThat(engine.store().findRun(out.runId()).orElseThrow().input().videos()).containsExactly(video);
  }

  @Test
  void store_media_false_leaves_media_out_of_the_stored_run() {
    stub.reply(Reply.json(StubProvider.fixture("llm/openai/text.json")));
    Engine engine = engine("openai", "gpt-4o-mini", "", "  store_media: false\n");

    RunOutput out = engine.run("agent", withMedia(MEDIA));

    assertThat(stub.lastRequest().body()).contains(IMAGE_URL);
    RunOutput stored = engine.store().findRun(out.runId()).orElseThrow();
    assertThat(stored.input().media()).isEmpty();
    assertThat(stored.messages()).allSatisfy(m -> assertThat(m.message().media()).isEmpty());
  }
}
