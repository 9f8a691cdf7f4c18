package dev.agentry.engine.knowledge.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxReaderTest {
  private static byte[] docx() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("Release notes");
      doc.createParagraph().createRun().setText("Version 2 adds knowledge.");
      XWPFTable table = doc.createTable(2, 2);
      table.getRow(0).getCell(0).setText("feature");
      table.getRow(0).getCell(1).setText("status");
      table.getRow(1).getCell(0).setText("RAG");
      table.getRow(1).getCell(1).setText("done");
      doc.createParagraph().createRun().setText("Thanks.");
      doc.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void paragraphsAndTablesInOrderAsOneDocument() throws IOException {
    Reader reader = Readers.forContent("notes.docx", null);
    assertThat(reader.id()).isEqualTo("docx");
    List<Document> docs = reader.read("notes.docx", docx(), Map.of("k", "v"));
    assertThat(docs).containsExactly(new Document("notes.docx",
        "Release notes\n\nVersion 2 adds knowledge.\n\nfeature, status\nRAG, done\n\nThanks.", Map.of("k", "v")));
  }

  @Test
  void bytesThatAreNotDocxAreAnErrorNamingTheFile() {
    Reader reader = Readers.forContent("old.doc", null);
    assertThatThrownBy(() -> reader.read("old.doc", "plain text".getBytes(StandardCharsets.UTF_8), Map.of()))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageStartingWith("Could not read 'old.doc': it is not a DOCX (Word 2007 or later) document");
  }
}
