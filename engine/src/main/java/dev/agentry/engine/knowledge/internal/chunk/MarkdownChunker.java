package dev.agentry.engine.knowledge.internal.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Agno's {@code MarkdownChunking}: a text no longer than {@code size} stays whole; otherwise it is cut into sections at
 * its ATX headings ({@code #} to {@code ######}, outside fenced code), each section keeping its heading; a section
 * longer than the size is split by paragraphs (then words), every part starting with the section's heading; then
 * consecutive sections are packed into chunks of at most {@code size} characters joined by a blank line. With an
 * overlap, each chunk after the first starts with the last {@code overlap} characters of the one before.
 *
 * <p>Agno's default path partitions with the {@code unstructured} library ({@code chunk_by_title}), which also starts
 * a chunk at each title and combines small sections up to the size; this keeps the same shape without it, and keeps
 * the {@code #} markers, which Agno's {@code split_on_headings} mode keeps too.
 */
final class MarkdownChunker implements Chunker {
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+\\S.*$");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
  private static final Pattern BLANK_LINES = Pattern.compile("\n\n+");

  private final int size;
  private final int overlap;

  MarkdownChunker(int size, int overlap) {
    this.size = size;
    this.overlap = overlap;
  }

  @Override
  public List<String> split(String content) {
    if (content.isBlank()) {
      return List.of();
    }
    if (content.length() <= size) {
      return List.of(content);
    }
    List<String> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int currentSize = 0;
    for (String section : sections(content.replace("\r\n", "\n"))) {
      for (String part : splitLargeSection(section)) {
        int added = current.isEmpty() ? part.length() : part.length() + 2;
        if (!current.isEmpty() && currentSize + added > size) {
          chunks.add(String.join("\n\n", current));
          current = new ArrayList<>();
          currentSize = 0;
          added = part.length();
        }
        current.add(part);
        currentSize += added;
      }
    }
    if (!current.isEmpty()) {
      chunks.add(String.join("\n\n", current));
    }
    return Overlaps.prependTails(chunks, overlap);
  }

  /** The text cut before each heading line outside fenced code; each section trimmed, blank ones dropped. */
  static List<String> sections(String content) {
    List<String> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inFence = false;
    for (String line : content.split("\n", -1)) {
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
      } else if (!inFence && HEADING.matcher(line).matches() && !current.toString().isBlank()) {
        sections.add(current.toString().strip());
        current.setLength(0);
      }
      current.append(line).append('\n');
    }
    if (!current.toString().isBlank()) {
      sections.add(current.toString().strip());
    }
    return sections;
  }

  /** Agno's {@code _split_large_section}: parts of at most the size where it can, each repeating the heading. */
  private List<String> splitLargeSection(String section) {
    if (section.length() <= size) {
      return List.of(section);
    }
    int newline = section.indexOf('\n');
    String first = newline < 0 ? section : section.substring(0, newline);
    String heading = HEADING.matcher(first).matches() ? first : "";
    String body = (heading.isEmpty() ? section : newline < 0 ? "" : section.substring(newline + 1)).strip();
    if (body.isEmpty()) {
      return List.of(section);
    }
    int headingSize = heading.isEmpty() ? 0 : heading.length() + 2;
    List<String> parts = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String raw : BLANK_LINES.split(body)) {
      String paragraph = raw.strip();
      if (paragraph.isEmpty()) {
        continue;
      }
      int currentSize = current.stream().mapToInt(String::length).sum() + current.size() * 2;
      if (!current.isEmpty() && headingSize + currentSize + paragraph.length() + 2 > size) {
        parts.add(withHeading(heading, String.join("\n\n", current)));
        current = new ArrayList<>();
      }
      if (paragraph.length() + headingSize > size) {
        if (!current.isEmpty()) {
          parts.add(withHeading(heading, String.join("\n\n", current)));
          current = new ArrayList<>();
        }
        int available = size - headingSize;
        List<String> words = new ArrayList<>();
        int wordsSize = 0;
        for (String word : paragraph.split("\\s+")) {
          if (wordsSize + word.length() + 1 > available && !words.isEmpty()) {
            parts.add(withHeading(heading, String.join(" ", words)));
            words = new ArrayList<>();
            wordsSize = 0;
          }
          words.add(word);
          wordsSize += word.length() + 1;
        }
        if (!words.isEmpty()) {
          current.add(String.join(" ", words));
        }
      } else {
        current.add(paragraph);
      }
    }
    if (!current.isEmpty()) {
      parts.add(withHeading(heading, String.join("\n\n", current)));
    }
    return parts.isEmpty() ? List.of(section) : parts;
  }

  private static String withHeading(String heading, String text) {
    return (heading.isEmpty() ? text : heading + "\n\n" + text).strip();
  }
}
