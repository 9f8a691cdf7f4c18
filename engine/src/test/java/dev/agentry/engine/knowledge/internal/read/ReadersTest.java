package dev.agentry.engine.knowledge.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadersTest {
  @Test
  void choosesByExtensionThenMimeTypeElseText() {
    assertThat(Readers.forContent("guide.MD", null).id()).isEqualTo("markdown");
    assertThat(Readers.forContent("dir.v2/notes.markdown", "text/plain").id()).isEqualTo("markdown");
    assertThat(Readers.forContent("notes.txt", null).id()).isEqualTo("text");
    assertThat(Readers.forContent(null, "text/markdown; charset=utf-8").id()).isEqualTo("markdown");
    assertThat(Readers.forContent("Makefile", null).id()).isEqualTo("text");
    assertThat(Readers.forContent(null, null).id()).isEqualTo("text");
  }

  @Test
  void textAndMarkdownAreOneDocumentWithTheContentsMetadata() {
    byte[] bytes = "\uFEFF# Title\n\nBody é".getBytes(StandardCharsets.UTF_8);
    List<Document> docs = Readers.forContent("a.md", null).read("a.md", bytes, Map.of("team", "docs"));
    assertThat(docs).containsExactly(new Document("a.md", "# Title\n\nBody é", Map.of("team", "docs")));
    assertThat(Readers.byId("text").orElseThrow().read("t", "plain".getBytes(StandardCharsets.UTF_8), Map.of()))
        .extracting(Document::content).containsExactly("plain");
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorNamingTheFile() {
    byte[] bad = {(byte) 0xff, (byte) 0xfe, 0x41};
    assertThatThrownBy(() -> Readers.forContent("notes.txt", null).read("notes.txt", bad, Map.of()))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageStartingWith("Could not read 'notes.txt': it is not UTF-8 text");
  }

  @Test
  void choosesEveryReaderAsAgnosFactoryDoes() {
    assertThat(Readers.forContent("a.pdf", null).id()).isEqualTo("pdf");
    assertThat(Readers.forContent(null, "application/pdf").id()).isEqualTo("pdf");
    assertThat(Readers.forContent("a.CSV", null).id()).isEqualTo("csv");
    assertThat(Readers.forContent("a.docx", null).id()).isEqualTo("docx");
    assertThat(Readers.forContent("a.json", null).id()).isEqualTo("json");
    assertThat(Readers.forContent("https://x.org/page.html?q=1", null).id()).isEqualTo("website");
    assertThat(Readers.forContent("upload", "text/html; charset=utf-8").id()).isEqualTo("website");
    assertThat(Readers.forContent("notes.txt", "application/pdf").id()).isEqualTo("text");
  }

  @Test
  void configListsReadersInAgnosOrderAndTheTypesTheyRead() {
    assertThat(Readers.all()).extracting(Reader::id)
        .containsExactly("website", "csv", "docx", "json", "markdown", "pdf", "text");
    assertThat(Readers.all()).extracting(Reader::name)
        .containsExactly("WebsiteReader", "CsvReader", "DocxReader", "JsonReader", "MarkdownReader", "PdfReader",
            "TextReader");
    assertThat(Readers.byId("markdown").orElseThrow().chunkers()).startsWith("MarkdownChunker");
    Map<String, List<String>> types = Readers.readersForType();
    assertThat(types).containsEntry("url", List.of("website")).containsEntry(".pdf", List.of("pdf"))
        .containsEntry(".csv", List.of("csv")).containsEntry(".docx", List.of("docx"))
        .containsEntry(".doc", List.of("docx")).containsEntry(".json", List.of("json"))
        .containsEntry(".md", List.of("markdown")).containsEntry(".txt", List.of("text"))
        .containsEntry(".html", List.of("website"));
    for (Reader reader : Readers.all()) {
      assertThat(reader.description()).isNotBlank();
      for (String type : reader.contentTypes()) {
        assertThat(types.get(type)).contains(reader.id());
      }
    }
  }

  @Test
  void unknownIdIsEmpty() {
    assertThat(Readers.byId("nope")).isEmpty();
  }
}
