package dev.agentry.engine.knowledge.internal.read;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text of an HTML element as light Markdown: {@code h1}..{@code h6} as {@code #} lines, list items as
 * {@code - } lines, preformatted text kept as it is, other blocks separated by blank lines, whitespace elsewhere
 * collapsed.
 */
final class HtmlText implements NodeVisitor {
  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "aside", "blockquote",
      "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "form",
      "fieldset", "address", "details", "summary", "hr", "pre", "body");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\n\\u00A0]+");
  private static final Pattern BLANK_RUNS = Pattern.compile("\n[ \t]*(\n[ \t]*)+");

  private final StringBuilder out = new StringBuilder();
  private int pre;

  private HtmlText() {}

  static String of(Element root) {
    HtmlText text = new HtmlText();
    root.traverse(text);
    String joined = BLANK_RUNS.matcher(text.out.toString()).replaceAll("\n\n");
    StringBuilder trimmed = new StringBuilder();
    for (String line : joined.split("\n", -1)) {
      trimmed.append(line.stripTrailing()).append('\n');
    }
    return trimmed.toString().strip();
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode text) {
      if (pre > 0) {
        out.append(text.getWholeText());
      } else {
        String collapsed = SPACES.matcher(text.getWholeText()).replaceAll(" ");
        if (collapsed.startsWith(" ") && (out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1)))) {
          collapsed = collapsed.substring(1);
        }
        out.append(collapsed);
      }
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    String tag = element.normalName();
    if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
      out.append("\n\n").append("#".repeat(tag.charAt(1) - '0')).append(' ');
    } else if (tag.equals("li")) {
      out.append("\n- ");
    } else if (tag.equals("br")) {
      out.append('\n');
    } else if (tag.equals("td") || tag.equals("th")) {
      if (element.elementSiblingIndex() > 0) {
        out.append(" | ");
      }
    } else if (BLOCKS.contains(tag)) {
      out.append(tag.equals("tr") ? "\n" : "\n\n");
    }
    if (tag.equals("pre")) {
      pre++;
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return;
    }
    String tag = element.normalName();
    if (tag.equals("pre")) {
      pre--;
    }
    if ((tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) || BLOCKS.contains(tag)) {
      out.append(tag.equals("tr") ? "\n" : "\n\n");
    }
  }
}
