package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Media sent with a run over HTTP ({@code agentos-api.md} §2.5.1, §2.6): JSON media fields and multipart uploads are
 * stored with the run ({@code input_media} as {@code GET /sessions/{id}/runs/{run_id}} shows it, in Agno's media
 * dict shapes); an oversized body is a 413, a medium the model does not take a 400 before any run, and a malformed
 * media field a 400 or 422 that says what is wrong.
 */
class MediaRunsTest {
  private static final int LIMIT = 256 * 1024;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  private static final String PDF_BASE64 = Base64.getEncoder().encodeToString(
      "%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII));

  static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> specs = new HashMap<>(TestServer.SPECS);
    specs.put("vision.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: vision}
        spec:
          model: vision-model
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: vision-model}
        spec:
          provider: scripted
          input_media: [image, file]
          script:
            fallback: "I see it."
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: reader}
        spec:
          model: remote-model
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: remote-model}
        spec:
          provider: openai
          id: java.lang.Object
          api_key: sk-never-used
          input_media: [file]
        """);
    server = TestServer.start(specs, s -> s.maxRequestBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void json_media_fields_are_stored_with_the_run_in_agnos_shapes() {
    HttpResponse<String> response = server.postForm("/agents/vision/runs", Map.of("message", "what is this?",
        "stream", "false",
        "images", "[{\"url\": \"https://example.com/cat.png\", \"detail\": \"high\"}]",
        "input_files", "[{\"content\": \"" + PDF_BASE64 + "\", \"mime_type\": \"application/pdf\", "
            + "\"filename\": \"report.pdf\"}]"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode input = TestServer.json(response).get("input");
    assertThat(AgnoShapes.RUN_INPUT.check(input, "$.input", Set.of())).isEmpty();
    assertThat(input.get("input_content").asString()).isEqualTo("what is this?");
    assertThat(input.get("images").get(0).get("url").asString()).isEqualTo("https://example.com/cat.png");
    assertThat(input.get("images").get(0).get("detail").asString()).isEqualTo("high");
    assertThat(input.get("files").get(0).get("content").asString()).isEqualTo(PDF_BASE64);
    assertThat(input.get("files").get(0).get("mime_type").asString()).isEqualTo("application/pdf");
    assertThat(input.get("files").get(0).get("filename").asString()).isEqualTo("report.pdf");
    assertThat(input.has("videos") || input.has("audios"))
        .as("empty media lists are left out, as Agno's RunInput.to_dict does").isFalse();
    JsonNode run = stored(TestServer.json(response));
    JsonNode media = run.get("input_media");
    assertThat(media.get("videos").isArray()).isTrue();
    assertThat(media.get("videos").size()).isZero();
    assertThat(media.get("audios").size()).isZero();
    JsonNode image = media.get("images").get(0);
    assertThat(image.get("url").asString()).isEqualTo("https://example.com/cat.png");
    assertThat(image.get("detail").asString()).isEqualTo("high");
    assertThat(image.get("id").isString()).isTrue();
    assertThat(image.has("content")).isFalse();
    JsonNode file = media.get("files").get(0);
    assertThat(file.get("content").asString()).isEqualTo(PDF_BASE64);
    assertThat(file.get("mime_type").asString()).isEqualTo("application/pdf");
    assertThat(file.get("filename").asString()).isEqualTo("report.pdf");
    assertThat(run.get("run_input").asString()).isEqualTo("what is this?");
    JsonNode user = null;
    for (JsonNode message : run.get("messages")) {
      user = "user".equals(message.get("role").asString()) ? message : user;
    }
    assertThat(user).as("the user message").isNotNull();
    assertThat(user.get("images").get(0).get("url").asString()).isEqualTo("https://example.com/cat.png");
    assertThat(user.get("files").get(0).get("filename").asString()).isEqualTo("report.pdf");
    assertThat(user.has("audio")).as("empty media lists are left out, as Agno's Message.to_dict does").isFalse();
  }

  @Test
  void multipart_uploads_are_sorted_by_type_and_stored_with_the_run() {
    byte[] body = multipart(
        text("message", "describe these"),
        text("stream", "false"),
        file("name=\"files\"; filename=\"dot.png\"", "image/png", PNG),
        // RFC 5987 extended filename, and a quoted name with an escaped quote in it
        file("name=\"files\"; filename=\"fallback.txt\"; filename*=UTF-8''caf%C3%A9%20%22notes%22.txt",
            "text/plain", "première ligne".getBytes(StandardCharsets.UTF_8)),
        file("name=\"files\"; filename=\"say \\\"hi\\\".md\"", "application/octet-stream",
            "# hi".getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode media = stored(TestServer.json(response)).get("input_media");
    JsonNode image = media.get("images").get(0);
    assertThat(image.get("content").asString()).isEqualTo(Base64.getEncoder().encodeToString(PNG));
    assertThat(image.get("mime_type").asString()).isEqualTo("image/png");
    assertThat(image.get("format").asString()).isEqualTo("png");
    JsonNode text = media.get("files").get(0);
    assertThat(text.get("filename").asString()).isEqualTo("café \"notes\".txt");
    assertThat(text.get("mime_type").asString()).isEqualTo("text/plain");
    assertThat(text.get("content").asString()).isEqualTo("première ligne");
    assertThat(text.get("size").asLong()).isEqualTo("première ligne".getBytes(StandardCharsets.UTF_8).length);
    JsonNode markdown = media.get("files").get(1);
    assertThat(markdown.get("filename").asString()).isEqualTo("say \"hi\".md");
    assertThat(markdown.get("mime_type").asString()).isEqualTo("text/markdown");
    assertThat(markdown.get("format").asString()).isEqualTo("md");
  }

  @Test
  void an_upload_over_the_size_limit_is_a_413_and_starts_no_run() {
    byte[] body = multipart(text("message", "big"), text("stream", "false"), text("session_id", "too-big"),
        file("name=\"files\"; filename=\"big.png\"", "image/png", new byte[LIMIT + 1]));

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(TestServer.json(response).get("detail").asString()).isEqualTo("Request body too large");
    assertThat(server.get("/sessions/too-big").statusCode()).isEqualTo(404);
  }

  @Test
  void a_medium_the_model_does_not_take_is_a_400_before_any_run() {
    for (String stream : new String[] {"false", "true"}) {
      HttpResponse<String> response = server.postForm("/agents/echo/runs", Map.of("message", "look",
          "stream", stream, "session_id", "no-media-" + stream,
          "images", "[{\"url\": \"https://example.com/cat.png\"}]"));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
      assertThat(TestServer.json(response).get("detail").asString())
          .isEqualTo("agent 'echo' cannot take this image: model scripted:echo-model does not take image input (it "
              + "takes no media; a Model resource can declare what its model takes with input_media)");
      assertThat(server.get("/sessions/no-media-" + stream).statusCode()).isEqualTo(404);
    }
    HttpResponse<String> audio = server.postForm("/agents/vision/runs", Map.of("message", "listen",
        "stream", "false", "audio", "[{\"content\": \"AQID\", \"format\": \"wav\"}]"));
    assertThat(audio.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(audio).get("detail").asString()).contains("does not take audio input (it takes image, "
        + "file");
  }

  @Test
  void a_background_run_refused_before_it_starts_leaves_no_event_buffer_behind() {
    int buffers = server.server().os().streams().size();
    for (String stream : new String[] {"false", "true"}) {
      HttpResponse<String> response = server.postForm("/agents/echo/runs", Map.of("message", "look",
          "stream", stream, "background", "true", "images", "[{\"url\": \"https://example.com/cat.png\"}]"));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }
    assertThat(server.server().os().streams().size()).as("event buffers held (a /resume would wait on them)")
        .isEqualTo(buffers);
  }

  @Test
  void a_refusal_that_would_quote_a_java_name_is_not_passed_on_to_the_client() {
    // the model's id reads as a Java type, and the refusal names the model: it stands in for any message that
    // quotes a library's (a provider's, a toolkit's)
    HttpResponse<String> response = server.postForm("/agents/reader/runs", Map.of("message", "read it",
        "stream", "false", "input_files", "[{\"content\": \"some notes\", \"mime_type\": \"text/plain\"}]"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(TestServer.json(response).get("detail").asString()).isNotBlank();
    assertThat(response.body()).doesNotContain("java.", "Exception");
  }

  @Test
  void malformed_media_fields_get_a_clear_400_or_422() {
    assertDetail(Map.of("images", "[{"), 400, "Invalid JSON in images field");
    assertInvalid(Map.of("images", "{\"url\": \"https://example.com/a.png\"}"), "images", null,
        "images: Input should be a valid list of media objects");
    assertInvalid(Map.of("images", "[{\"filepath\": \"/etc/passwd\"}]"), "images", 0,
        "images[0]: 'filepath' is not accepted over HTTP: send the content (base64) or a url");
    assertInvalid(Map.of("images", "[{\"url\": \"https://e.com/a.png\", \"content\": \"AQID\"}]"), "images", 0,
        "images[0]: Only one of 'url' or 'content' should be provided");
    assertInvalid(Map.of("images", "[{\"mime_type\": \"image/png\"}]"), "images", 0,
        "images[0]: One of 'url' or 'content' must be provided");
    assertInvalid(Map.of("input_files", "[{\"content\": \"not base64!\", \"mime_type\": \"application/pdf\"}]"),
        "input_files", 0, "input_files[0]: 'content' is not valid base64");
    assertInvalid(Map.of("images", "[{\"url\": \"file:///etc/passwd\"}]"), "images", 0,
        "images[0]: 'url' should be an http(s) URL or a data: URL");
    assertInvalid(Map.of("images", "[\"https://example.com/a.png\"]"), "images", 0,
        "images[0]: Input should be a valid dictionary");
  }

  @Test
  void a_data_url_image_is_stored_as_base64_content() {
    String png = Base64.getEncoder().encodeToString(PNG);
    HttpResponse<String> response = server.postUrlencoded("/agents/vision/runs", Map.of("message", "this?",
        "stream", "false", "images", "[{\"url\": \"data:image/png;base64," + png + "\"}]"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode image = stored(TestServer.json(response)).get("input_media").get("images").get(0);
    assertThat(image.get("content").asString()).isEqualTo(png);
    assertThat(image.get("mime_type").asString()).isEqualTo("image/png");
    assertThat(image.has("url")).isFalse();
  }

  private static void assertDetail(Map<String, String> media, int status, String detail) {
    HttpResponse<String> response = postMedia(media);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(TestServer.json(response).get("detail").asString()).isEqualTo(detail);
  }

  private static void assertInvalid(Map<String, String> media, String field, Integer index, String message) {
    HttpResponse<String> response = postMedia(media);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    JsonNode error = TestServer.json(response).get("detail").get(0);
    assertThat(error.get("loc").get(0).asString()).isEqualTo("body");
    assertThat(error.get("loc").get(1).asString()).isEqualTo(field);
    if (index != null) {
      assertThat(error.get("loc").get(2).asInt()).isEqualTo(index);
    }
    assertThat(error.get("msg").asString()).isEqualTo(message);
    assertThat(response.body()).doesNotContain("dev.agentry", "Exception");
  }

  private static HttpResponse<String> postMedia(Map<String, String> media) {
    Map<String, String> fields = new HashMap<>(media);
    fields.put("message", "hi");
    fields.put("stream", "false");
    return server.postForm("/agents/vision/runs", fields);
  }

  /** The run as GET /sessions/{id}/runs/{run_id} shows it. */
  private static JsonNode stored(JsonNode output) {
    HttpResponse<String> response = server.get("/sessions/" + output.get("session_id").asString() + "/runs/"
        + output.get("run_id").asString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return TestServer.json(response);
  }

  private static HttpResponse<String> post(byte[] body) {
    return server.send("POST", "/agents/vision/runs", HttpRequest.BodyPublishers.ofByteArray(body),
        "multipart/form-data; boundary=" + BOUNDARY);
  }

  private static final String BOUNDARY = "media-test-boundary";

  private static byte[] text(String name, String value) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] file(String disposition, String contentType, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; " + disposition + "\r\nContent-Type: "
        + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] multipart(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
