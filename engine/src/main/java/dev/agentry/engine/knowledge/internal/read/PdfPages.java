package dev.agentry.engine.knowledge.internal.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The text clean-up of Agno's PDF reader ({@code _sanitize_pdf_text} and {@code _clean_page_numbers}). */
final class PdfPages {
  private static final Pattern BLANK_WITH_SPACES = Pattern.compile("\n[ \t]+\n");
  private static final Pattern SINGLE_BREAK = Pattern.compile("(?<!\n)[ \t]*\n[ \t]*(?!\n)");
  private static final Pattern SPACE_RUNS = Pattern.compile("[ \t]{2,}");
  private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*(\\d+)\\s*|\\s*(\\d+)\\s*$");
  private static final double CORRECT_RATIO = 0.4;
  private static final int[] SHIFTS = {-2, -1, 0, 1, 2};

  private PdfPages() {}

  /** Pages with printed numbers replaced by markers, and the number of the first page. */
  record Numbered(List<String> pages, int firstPage) {}

  /** Joins lines broken by the extraction, keeping paragraph breaks (blank lines); trims. */
  static String sanitize(String text) {
    String t = text.replace("\r\n", "\n");
    t = BLANK_WITH_SPACES.matcher(t).replaceAll(" ");
    t = SINGLE_BREAK.matcher(t).replaceAll(" ");
    t = SPACE_RUNS.matcher(t).replaceAll(" ");
    return t.strip();
  }

  /**
   * When at least 40% of the pages start or end with the number a sequence (shifted by -2..2) expects, those numbers
   * are removed and each page is wrapped in {@code <start page N>} and {@code <end page N>} lines, N being the printed
   * number; pages are then numbered from the sequence's first number. Otherwise pages are unchanged, from 1.
   */
  static Numbered numbered(List<String> pages) {
    List<@Nullable Integer> found = new ArrayList<>();
    int candidates = 0;
    boolean allHigh = true;
    for (String page : pages) {
      Integer number = pageNumber(page);
      found.add(number);
      if (number != null) {
        candidates++;
        allHigh &= number > 5;
      }
    }
    if (allHigh || candidates < 2) {
      return new Numbered(List.copyOf(pages), 1);
    }
    int bestShift = 0;
    int bestCount = 0;
    for (int shift : SHIFTS) {
      int count = 0;
      for (int i = 0; i < found.size(); i++) {
        Integer actual = found.get(i);
        String expected = String.valueOf(i + shift);
        if (actual != null && (actual == i + shift || actual.toString().startsWith(expected)
            || actual.toString().endsWith(expected))) {
          count++;
        }
      }
      if (count > bestCount) {
        bestCount = count;
        bestShift = shift;
      }
    }
    if (bestCount == 0 || (double) bestCount / pages.size() < CORRECT_RATIO) {
      return new Numbered(List.copyOf(pages), 1);
    }
    List<String> cleaned = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      int expected = i + bestShift;
      String body = pages.get(i).replaceAll("^\\s*" + expected + "\\s*|\\s*" + expected + "\\s*$", "");
      cleaned.add("<start page " + expected + ">\n" + body + "\n<end page " + expected + ">");
    }
    return new Numbered(cleaned, bestShift);
  }

  private static @Nullable Integer pageNumber(String page) {
    Matcher m = PAGE_NUMBER.matcher(page);
    if (!m.find()) {
      return null;
    }
    String digits = m.group(1) != null ? m.group(1) : m.group(2);
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
