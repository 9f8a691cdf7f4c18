package dev.agentry.engine.knowledge.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfReaderTest {
  /** A real PDF written with PDFBox: one page per entry, each entry's lines written one under the other. */
  static byte[] pdf(List<List<String>> pages, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          for (String line : lines) {
            content.showText(line);
            content.newLineAtOffset(0, -16);
          }
          content.endText();
        }
      }
      if (!userPassword.isEmpty()) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private final Reader reader = Readers.forContent("manual.pdf", null);

  @Test
  void oneDocumentPerPageWithItsNumberAndJoinedLines() throws IOException {
    byte[] bytes = pdf(List.of(
        List.of("Installing Agentry", "takes one command."),
        List.of("Configuring agents", "uses YAML files.")), "");
    List<Document> docs = reader.read("manual.pdf", bytes, Map.of("team", "docs"));
    assertThat(reader.id()).isEqualTo("pdf");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).content()).isEqualTo("Installing Agentry takes one command.");
    assertThat(docs.get(1).content()).isEqualTo("Configuring agents uses YAML files.");
    assertThat(docs.get(0).metadata()).containsEntry("page", 1).containsEntry("team", "docs");
    assertThat(docs.get(1).metadata()).containsEntry("page", 2);
    assertThat(docs).extracting(Document::name).containsOnly("manual.pdf");
  }

  @Test
  void printedPageNumbersBecomeMarkersAsAgnoWritesThem() throws IOException {
    byte[] bytes = pdf(List.of(List.of("Intro text", "1"), List.of("More text", "2"), List.of("End", "3")), "");
    List<Document> docs = reader.read("numbered.pdf", bytes, Map.of());
    assertThat(docs.get(0).content()).isEqualTo("<start page 1>\nIntro text\n<end page 1>");
    assertThat(docs.get(2).content()).isEqualTo("<start page 3>\nEnd\n<end page 3>");
    assertThat(docs).extracting(d -> d.metadata().get("page")).containsExactly(1, 2, 3);
  }

  @Test
  void corruptBytesAreAnErrorNamingTheFile() {
    byte[] bad = "%PDF-1.7\nthis is not really a pdf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> reader.read("broken.pdf", bad, Map.of()))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageStartingWith("Could not read 'broken.pdf': it is not a readable PDF");
  }

  @Test
  void aPdfNeedingAPasswordIsAnErrorSayingSo() throws IOException {
    byte[] bytes = pdf(List.of(List.of("secret")), "user-pw");
    assertThatThrownBy(() -> reader.read("secret.pdf", bytes, Map.of()))
        .isInstanceOf(KnowledgeException.class)
        .hasMessage("Could not read 'secret.pdf': the PDF is password protected.");
  }
}
