package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Agno's {@code PDFReader} on Apache PDFBox: one document per page with its {@code page} number, the text's broken
 * lines joined (paragraph breaks kept), and printed page numbers, when the pages carry a consistent sequence of them,
 * taken out of the text and written as {@code <start page N>} / {@code <end page N>} lines. A PDF with only an owner
 * password opens; one that needs a user password is an error.
 */
final class PdfReader implements Reader {
  @Override
  public String id() {
    return "pdf";
  }

  @Override
  public String name() {
    return "PdfReader";
  }

  @Override
  public String description() {
    return "Processes PDF documents with OCR support for images and text extraction";
  }

  @Override
  public List<String> chunkers() {
    return List.of("DocumentChunker", "CodeChunker", "FixedSizeChunker", "AgenticChunker", "SemanticChunker",
        "RecursiveChunker");
  }

  @Override
  public List<String> contentTypes() {
    return List.of(".pdf");
  }

  @Override
  public List<Document> read(String name, byte[] bytes, Map<String, Object> metadata) {
    List<String> pages = new ArrayList<>();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      stripper.setParagraphEnd("\n");
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(PdfPages.sanitize(stripper.getText(pdf)));
      }
    } catch (InvalidPasswordException e) {
      throw new KnowledgeException("Could not read '" + name + "': the PDF is password protected.", e);
    } catch (IOException e) {
      throw new KnowledgeException("Could not read '" + name + "': it is not a readable PDF (" + e.getMessage()
          + ").", e);
    }
    PdfPages.Numbered numbered = PdfPages.numbered(pages);
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < numbered.pages().size(); i++) {
      Map<String, Object> meta = new HashMap<>(metadata);
      meta.put("page", i + numbered.firstPage());
      documents.add(new Document(name, numbered.pages().get(i), meta));
    }
    return documents;
  }
}
