package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Agno's {@code DocxReader} on Apache POI: the body's paragraphs joined by blank lines, as one document; tables, which
 * Agno skips, are kept in their place as lines of cells joined by {@code ", "}. Old binary {@code .doc} files are
 * listed for this reader as in Agno but cannot be read: they are an error saying so.
 */
final class DocxReader implements Reader {
  @Override
  public String id() {
    return "docx";
  }

  @Override
  public String name() {
    return "DocxReader";
  }

  @Override
  public String description() {
    return "Extracts text content from Microsoft Word documents (.docx and .doc formats)";
  }

  @Override
  public List<String> chunkers() {
    return List.of("DocumentChunker", "CodeChunker", "FixedSizeChunker", "SemanticChunker", "AgenticChunker",
        "RecursiveChunker");
  }

  @Override
  public List<String> contentTypes() {
    return List.of(".docx", ".doc");
  }

  @Override
  public List<Document> read(String name, byte[] bytes, Map<String, Object> metadata) {
    List<String> blocks = new ArrayList<>();
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      for (IBodyElement element : docx.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          blocks.add(paragraph.getText());
        } else if (element instanceof XWPFTable table) {
          blocks.add(tableText(table));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new KnowledgeException("Could not read '" + name + "': it is not a DOCX (Word 2007 or later) document ("
          + e.getMessage() + ").", e);
    }
    return List.of(new Document(name, String.join("\n\n", blocks), metadata));
  }

  private static String tableText(XWPFTable table) {
    List<String> lines = new ArrayList<>();
    for (XWPFTableRow row : table.getRows()) {
      List<String> cells = new ArrayList<>();
      for (XWPFTableCell cell : row.getTableCells()) {
        cells.add(cell.getText().replace('\n', ' ').strip());
      }
      lines.add(String.join(", ", cells));
    }
    return String.join("\n", lines);
  }
}
