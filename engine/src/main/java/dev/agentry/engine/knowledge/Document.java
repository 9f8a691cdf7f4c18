package dev.agentry.engine.knowledge;

import java.util.Map;

/**
 * A piece of text a reader made of some content, before chunking: a whole file, a page of a PDF, a CSV row set.
 *
 * @param name the content's name (a file name, a URL's last segment, a given name)
 * @param content the text
 * @param metadata the content's metadata plus what the reader adds ({@code page}, {@code url}, ...)
 */
public record Document(String name, String content, Map<String, Object> metadata) {
  public Document {
    metadata = Map.copyOf(metadata);
  }
}
