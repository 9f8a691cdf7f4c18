package dev.agentry.engine.knowledge.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV, JSON and HTML readers; expected CSV and JSON text agrees with Agno's readers run in python3. */
class StructuredReadersTest {
  private static List<Document> read(String fileName, String text) {
    return Readers.forContent(fileName, null).read(fileName, text.getBytes(StandardCharsets.UTF_8), Map.of("k", "v"));
  }

  @Test
  void csvRowsBecomeLinesOfCellsAsPythonsCsvModuleReadsThem() {
    List<Document> docs = read("people.csv", "name,quote\nAda,\"said \"\"hi\"\"\"\n\nBob,\"two\nlines\"\nCy,a\"b\n");
    assertThat(docs).containsExactly(new Document("people.csv",
        "name, quote\nAda, said \"hi\"\n\nBob, two lines\nCy, a\"b", Map.of("k", "v")));
  }

  @Test
  void csvOverTenRowsIsPagedByAThousandRows() {
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= 1500; i++) {
      csv.append("row").append(i).append(",x\r\n");
    }
    List<Document> docs = read("big.csv", csv.toString());
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).metadata()).containsEntry("page", 1).containsEntry("start_row", 1)
        .containsEntry("rows", 1000).containsEntry("k", "v");
    assertThat(docs.get(1).metadata()).containsEntry("page", 2).containsEntry("start_row", 1001)
        .containsEntry("rows", 500);
    assertThat(docs.get(1).content()).startsWith("row1001, x\nrow1002, x").endsWith("row1500, x");
  }

  @Test
  void jsonArrayElementsAreDocumentsWrittenAsPythonWritesThem() {
    List<Document> docs = read("items.json",
        "[{\"name\": \"Ünïcode\", \"n\": 1.0, \"big\": 12345678901234567890, \"nested\": {\"b\": [1, 2.5, null, true]},"
            + " \"z\": 1e-7}, \"second\"]");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).content()).isEqualTo(
        "{\"name\": \"Ünïcode\", \"n\": 1.0, \"big\": 12345678901234567890, \"nested\": {\"b\": [1, 2.5, null, true]},"
            + " \"z\": 1e-07}");
    assertThat(docs.get(0).metadata()).containsEntry("page", 1).containsEntry("k", "v");
    assertThat(docs.get(1).content()).isEqualTo("\"second\"");
    assertThat(docs.get(1).metadata()).containsEntry("page", 2);
  }

  @Test
  void aJsonObjectIsOneDocument() {
    assertThat(read("config.json", "{\"a\":{\"b\":2}}"))
        .containsExactly(new Document("config.json", "{\"a\": {\"b\": 2}}", Map.of("k", "v", "page", 1)));
  }

  @Test
  void invalidJsonIsAnErrorNamingTheFile() {
    assertThatThrownBy(() -> read("broken.json", "{\"a\": "))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageStartingWith("Could not read 'broken.json': it is not valid JSON");
  }

  @Test
  void htmlKeepsTheMainContentsVisibleTextWithHeadingsAsMarkdownAndTheTitle() {
    String html = """
        <html><head><title> Agentry docs </title><style>p {color: red}</style></head>
        <body>
          <nav><a href="/">Home</a> | <a href="/docs">Docs</a></nav>
          <header>Site header</header>
          <main>
            <h1>Getting   started</h1>
            <p>Install the <b>CLI</b>,
               then run it.</p>
            <script>console.log("hidden")</script>
            <h2>Steps</h2>
            <ul><li>Write YAML</li><li>Serve it</li></ul>
            <pre>agentry serve
          --port 7777</pre>
          </main>
          <footer>Copyright</footer>
        </body></html>
        """;
    List<Document> docs = read("page.html", html);
    assertThat(Readers.forContent("page.html", null).id()).isEqualTo("website");
    assertThat(docs).hasSize(1);
    assertThat(docs.getFirst().content()).isEqualTo("""
        # Getting started

        Install the CLI, then run it.

        ## Steps

        - Write YAML
        - Serve it

        agentry serve
          --port 7777""");
    assertThat(docs.getFirst().metadata()).containsEntry("title", "Agentry docs").containsEntry("k", "v");
  }

  @Test
  void htmlWithoutAMainElementReadsTheBody() {
    List<Document> docs = read("plain.htm", "<p>First</p><div>Second<br>line</div><table><tr><td>a</td><td>b</td>"
        + "</tr></table>");
    assertThat(docs.getFirst().content()).isEqualTo("First\n\nSecond\nline\n\na | b");
    assertThat(docs.getFirst().metadata()).doesNotContainKey("title");
  }
}
