package dev.agentry.engine.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.internal.PythonJson;
import dev.agentry.engine.knowledge.ContentUpload;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ContentIdsTest {
  private static ContentUpload file(@Nullable String name, String fileName, String text, Map<String, Object> meta,
      @Nullable String description) {
    return new ContentUpload(name, description, meta, null, text.getBytes(StandardCharsets.UTF_8), fileName,
        "text/markdown", null, null, null, null, null);
  }

  private static ContentUpload url(String url) {
    return new ContentUpload(null, null, Map.of(), url, null, null, null, null, null, null, null, null);
  }

  @Test
  void sameContentGetsTheSameIdAndDifferentTextADifferentOne() {
    String id = ContentIds.of(ContentUpload.text("notes", "first text", Map.of("k", "v")));
    assertThat(id).isEqualTo(ContentIds.of(ContentUpload.text("notes", "first text", Map.of("k", "v"))));
    assertThat(id).isNotEqualTo(ContentIds.of(ContentUpload.text("notes", "other text", Map.of("k", "v"))));
    assertThat(id).isNotEqualTo(ContentIds.of(ContentUpload.text("notes", "first text", Map.of("k", "w"))));
    assertThat(id).isNotEqualTo(ContentIds.of(ContentUpload.text("memo", "first text", Map.of("k", "v"))));
  }

  @Test
  void unnamedTextsDoNotCollide() {
    ContentUpload one = new ContentUpload(null, null, Map.of(), null, null, null, null, "one", null, null, null, null);
    ContentUpload two = new ContentUpload(null, null, Map.of(), null, null, null, null, "two", null, null, null, null);
    assertThat(ContentIds.of(one)).isNotEqualTo(ContentIds.of(two));
  }

  // Expected values computed with Agno's algorithm in python3:
  //   gid = lambda parts: str(uuid.uuid5(uuid.NAMESPACE_DNS, hashlib.sha256(":".join(parts).encode()).hexdigest()))
  @Test
  void urlIdMatchesAgno() {
    // gid(["https://example.com/doc.pdf", "https://example.com/doc.pdf"]): the route names the content by its URL
    assertThat(ContentIds.of(url("https://example.com/doc.pdf"))).isEqualTo("4f1d796e-dce1-5c56-b46c-5ca57474eab7");
  }

  @Test
  void fileIdMatchesAgnoAndIgnoresTheBytes() {
    // gid(["guide.md", "guide.md"]): name defaults to the file name, then the file name identifies the file data
    assertThat(ContentIds.of(file(null, "guide.md", "v1", Map.of(), null)))
        .isEqualTo("adc4aff0-20c2-55c6-850d-a45fe2fb6451")
        .isEqualTo(ContentIds.of(file("guide.md", "guide.md", "v2 changed", Map.of(), null)));
  }

  @Test
  void metadataIsHashedAsPythonJsonDumpsWithSortedKeys() {
    // gid(["guide.md", "Team handbook",
    //      json.dumps({"topic": "onboarding", "year": 2024, "tags": ["a", "é"]}, sort_keys=True, default=str),
    //      "guide.md"])
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("year", 2024);
    meta.put("topic", "onboarding");
    meta.put("tags", List.of("a", "é"));
    assertThat(ContentIds.of(file(null, "guide.md", "x", meta, "Team handbook")))
        .isEqualTo("6e62e094-405e-504e-a282-56caf51ee3f2");
    assertThat(PythonJson.dumpsSorted(Map.of("b", true, "f", 1.5, "g", 2.0, "tags", List.of("a", "é"))))
        .isEqualTo("{\"b\": true, \"f\": 1.5, \"g\": 2.0, \"tags\": [\"a\", \"\\u00e9\"]}");
  }

  @Test
  void textIdHashesTheText() {
    // gid(["notes", "str:" + hashlib.sha256(text.encode()).hexdigest()[:16]])
    String text = "Agentry runs agents declared in YAML.";
    assertThat(ContentIds.of(ContentUpload.text("notes", text, Map.of())))
        .isEqualTo("213e9142-76c7-594a-84b6-47a239d9e566");
  }

  @Test
  void pathIdIsAgnosPathHashAndAChangedFileKeepsItButChangesItsFingerprint() {
    // gid([json.dumps({"team": "docs"}, sort_keys=True), "docs/guide.md"])
    assertThat(ContentIds.ofPath("docs/guide.md", Map.of("team", "docs")))
        .isEqualTo("29698736-87c5-5bea-b095-f67b7bb6212e");
    byte[] v1 = "# Guide".getBytes(StandardCharsets.UTF_8);
    byte[] v2 = "# Guide, edited".getBytes(StandardCharsets.UTF_8);
    assertThat(ContentIds.fingerprint(v1)).hasSize(64).isEqualTo(ContentIds.fingerprint(v1.clone()))
        .isNotEqualTo(ContentIds.fingerprint(v2));
    // sha256(b"abc"), the FIPS 180-2 test vector
    assertThat(ContentIds.fingerprint("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
