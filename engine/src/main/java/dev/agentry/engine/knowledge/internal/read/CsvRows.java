package dev.agentry.engine.knowledge.internal.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of cells as Python's {@code csv.reader} does with its defaults: comma separated,
 * {@code "} quotes opening a cell, with {@code ""} for a quote inside them, line breaks allowed inside quotes, an
 * empty line an empty row.
 */
final class CsvRows {
  private CsvRows() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean rowStarted = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          if (cell.isEmpty()) {
            quoted = true;
          } else {
            cell.append(c);
          }
          rowStarted = true;
        }
        case ',' -> {
          row.add(cell.toString());
          cell.setLength(0);
          rowStarted = true;
        }
        case '\r', '\n' -> {
          if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
          if (rowStarted || cell.length() > 0) {
            row.add(cell.toString());
          }
          rows.add(row);
          row = new ArrayList<>();
          cell.setLength(0);
          rowStarted = false;
        }
        default -> {
          cell.append(c);
          rowStarted = true;
        }
      }
    }
    if (rowStarted || cell.length() > 0 || quoted) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
