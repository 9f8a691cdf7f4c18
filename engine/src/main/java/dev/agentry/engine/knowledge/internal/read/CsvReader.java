package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agno's {@code CSVReader} (as its asynchronous read, which AgentOS uses): each row becomes a line of its cells joined
 * by {@code ", "} (line breaks inside a cell become spaces); up to 10 rows make one document, more are paged by 1,000
 * rows with {@code page}, {@code start_row} (1-based) and {@code rows} metadata.
 */
final class CsvReader implements Reader {
  static final int SMALL = 10;
  static final int PAGE_SIZE = 1000;

  @Override
  public String id() {
    return "csv";
  }

  @Override
  public String name() {
    return "CsvReader";
  }

  @Override
  public String description() {
    return "Parses CSV files with custom delimiter support";
  }

  @Override
  public List<String> chunkers() {
    return List.of("RowChunker", "CodeChunker", "FixedSizeChunker", "AgenticChunker", "DocumentChunker",
        "RecursiveChunker");
  }

  @Override
  public List<String> contentTypes() {
    return List.of(".csv");
  }

  @Override
  public List<Document> read(String name, byte[] bytes, Map<String, Object> metadata) {
    List<List<String>> rows = CsvRows.parse(TextDecoding.utf8(name, bytes));
    if (rows.size() <= SMALL) {
      return List.of(new Document(name, lines(rows), metadata));
    }
    List<Document> documents = new ArrayList<>();
    for (int start = 0, page = 1; start < rows.size(); start += PAGE_SIZE, page++) {
      List<List<String>> pageRows = rows.subList(start, Math.min(rows.size(), start + PAGE_SIZE));
      Map<String, Object> meta = new HashMap<>(metadata);
      meta.put("page", page);
      meta.put("start_row", start + 1);
      meta.put("rows", pageRows.size());
      documents.add(new Document(name, lines(pageRows), meta));
    }
    return documents;
  }

  private static String lines(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      List<String> row = rows.get(i);
      for (int j = 0; j < row.size(); j++) {
        if (j > 0) {
          out.append(", ");
        }
        out.append(row.get(j).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
      }
    }
    return out.toString();
  }
}
