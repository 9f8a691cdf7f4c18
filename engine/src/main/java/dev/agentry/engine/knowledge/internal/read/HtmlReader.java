package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * HTML pages and files, as Agno's {@code WebsiteReader} reads a page: the main content element ({@code article},
 * {@code main}, {@code section}, or a {@code content}-like class or id) when there is one, else the whole body,
 * without scripts, styles, navigation, headers and footers. Headings become Markdown heading lines and blocks are
 * separated by blank lines, so the Markdown chunker can cut at them; the page's {@code <title>} is the {@code title}
 * metadata. The character set is the page's own (BOM or {@code <meta charset>}), UTF-8 when it names none.
 */
final class HtmlReader implements Reader {
  private static final Set<String> CONTENT_CLASSES =
      Set.of("content", "main-content", "post-content", "entry-content", "article-body");
  private static final Set<String> CONTENT_IDS = Set.of("content", "main", "article");

  @Override
  public String id() {
    return "website";
  }

  @Override
  public String name() {
    return "WebsiteReader";
  }

  @Override
  public String description() {
    return "Scrapes and extracts content from web pages with HTML parsing and text cleaning";
  }

  @Override
  public List<String> chunkers() {
    return List.of("CodeChunker", "AgenticChunker", "DocumentChunker", "RecursiveChunker", "SemanticChunker",
        "FixedSizeChunker", "MarkdownChunker");
  }

  @Override
  public List<String> contentTypes() {
    return List.of("url", ".html", ".htm", ".xhtml");
  }

  @Override
  public List<Document> read(String name, byte[] bytes, Map<String, Object> metadata) {
    org.jsoup.nodes.Document page;
    try {
      page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    } catch (IOException e) {
      throw new KnowledgeException("Could not read '" + name + "' as HTML: " + e.getMessage(), e);
    }
    page.select("script, style, noscript, template, nav, header, footer").remove();
    Element main = null;
    for (Element element : page.body().getAllElements()) {
      if (isMainContent(element)) {
        main = element;
        break;
      }
    }
    String text = HtmlText.of(main != null ? main : page.body());
    Map<String, Object> meta = new HashMap<>(metadata);
    String title = page.title().strip();
    if (!title.isEmpty()) {
      meta.putIfAbsent("title", title);
    }
    return List.of(new Document(name, text, meta));
  }

  private static boolean isMainContent(Element element) {
    String tag = element.normalName();
    if (tag.equals("article") || tag.equals("main") || tag.equals("section")) {
      return true;
    }
    for (String cls : element.classNames()) {
      if (CONTENT_CLASSES.contains(cls)) {
        return true;
      }
    }
    return CONTENT_IDS.contains(element.id());
  }
}
