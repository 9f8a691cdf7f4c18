package dev.agentry.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class YamlReaderTest {
  private static YamlReader.Result read(String yaml) {
    return YamlReader.read("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), YamlReader.Limits.DEFAULT);
  }

  @Test
  void reads_every_document_of_a_file_with_positions() {
    YamlReader.Result result = read("""
        a: 1
        ---
        # comment
        b:
          c: [x, y]
        """);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.documents()).hasSize(2);
    YamlReader.Document second = result.documents().get(1);
    assertThat(second.index()).isEqualTo(1);
    assertThat(second.sourceMap().key("/b")).isEqualTo(new SourceMap.Mark(4, 1));
    assertThat(second.sourceMap().value("/b/c/1")).isEqualTo(new SourceMap.Mark(5, 10));
  }

  @Test
  void types_scalars_by_the_yaml_1_2_core_schema() {
    JsonNode root = read("""
        yes_is_text: yes
        on_is_text: on
        bool: true
        int: 42
        hex: 0x1F
        float: 1.5
        nothing: ~
        quoted: "42"
        big: 12345678901234
        """).documents().get(0).root();
    assertThat(root.get("yes_is_text").isString()).isTrue();
    assertThat(root.get("on_is_text").asString()).isEqualTo("on");
    assertThat(root.get("bool").booleanValue()).isTrue();
    assertThat(root.get("int").intValue()).isEqualTo(42);
    assertThat(root.get("hex").intValue()).isEqualTo(31);
    assertThat(root.get("float").doubleValue()).isEqualTo(1.5);
    assertThat(root.get("nothing").isNull()).isTrue();
    assertThat(root.get("quoted").isString()).isTrue();
    assertThat(root.get("big").longValue()).isEqualTo(12345678901234L);
  }

  @Test
  void anchors_aliases_and_merge_keys_work() {
    YamlReader.Result result = read("""
        base: &base
          model: openai:gpt-4o-mini
          markdown: true
        extra: &extra
          retries: 2
        agent:
          <<: [*base, *extra]
          markdown: false
        copy: *base
        """);
    assertThat(result.diagnostics()).isEmpty();
    JsonNode root = result.documents().get(0).root();
    assertThat(root.at("/agent/model").asString()).isEqualTo("openai:gpt-4o-mini");
    assertThat(root.at("/agent/markdown").booleanValue()).as("keys written in the mapping win").isFalse();
    assertThat(root.at("/agent/retries").intValue()).isEqualTo(2);
    assertThat(root.at("/copy/markdown").booleanValue()).isTrue();
    SourceMap map = result.documents().get(0).sourceMap();
    assertThat(map.value("/agent/model")).as("merged values point at their original").isEqualTo(map.value("/base/model"));
  }

  @Test
  void inline_merge_sources_merge_and_keep_their_positions() {
    YamlReader.Result result = read("""
        base: &base {model: m, retries: 1}
        agent:
          <<: [{markdown: true}, *base]
          retries: 3
        other:
          <<: {name: x}
        """);
    assertThat(result.diagnostics()).isEmpty();
    JsonNode root = result.documents().get(0).root();
    assertThat(root.get("agent").propertyNames()).containsExactlyInAnyOrder("markdown", "model", "retries");
    assertThat(root.at("/agent/retries").intValue()).isEqualTo(3);
    assertThat(root.at("/other/name").asString()).isEqualTo("x");
    SourceMap map = result.documents().get(0).sourceMap();
    assertThat(map.value("/agent/markdown")).isEqualTo(new SourceMap.Mark(3, 19));
    assertThat(map.value("/agent/model")).isEqualTo(map.value("/base/model"));
    assertThat(map.value("/other/name")).isEqualTo(new SourceMap.Mark(6, 14));
  }

  @Test
  void a_merge_key_needs_a_mapping() {
    YamlReader.Result result = read("""
        a: &a [1, 2]
        b:
          <<: *a
        """);
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("bad-merge");
  }

  @Test
  void a_syntax_error_keeps_the_documents_before_it() {
    YamlReader.Result result = read("""
        ok: 1
        ---
        broken: [unclosed
        """);
    assertThat(result.documents()).hasSize(1);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("yaml-syntax");
      assertThat(d.line()).isEqualTo(3);
    });
  }

  @Test
  void non_utf8_bytes_are_reported_at_their_position() {
    byte[] bytes = "name: caf\u00e9\nother: x\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    YamlReader.Result result = YamlReader.read("latin1.yaml", bytes, YamlReader.Limits.DEFAULT);
    assertThat(result.documents()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("not-utf8");
      assertThat(d.line()).isEqualTo(1);
      assertThat(d.column()).isEqualTo(10);
      assertThat(d.hint()).isEqualTo("save the file as UTF-8");
    });
  }

  @Test
  void a_utf8_byte_order_mark_is_accepted() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "a: 1\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);
    assertThat(YamlReader.read("bom.yaml", bytes, YamlReader.Limits.DEFAULT).diagnostics()).isEmpty();
  }

  @Test
  void explicit_standard_tags_are_honoured_and_others_rejected() {
    JsonNode root = read("port: !!str 8080\n").documents().get(0).root();
    assertThat(root.get("port").isString()).isTrue();
    assertThat(read("x: !include other.yaml\n").diagnostics())
        .extracting(Diagnostic::code).containsExactly("unsupported-tag");
  }
}
