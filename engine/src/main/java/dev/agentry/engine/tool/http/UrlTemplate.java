package dev.agentry.engine.tool.http;

import dev.agentry.engine.internal.http.HostPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An absolute http(s) URL with {@code {name}} placeholders in its path or query, never in its host.
 *
 * @param template the URL as written
 * @param placeholders the placeholder names, in order, each once
 * @param host the normalized host, which every filled URL keeps
 */
public record UrlTemplate(String template, List<String> placeholders, String host) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/?#&=]+)}");

  public UrlTemplate {
    placeholders = List.copyOf(placeholders);
  }

  /**
   * Parses {@code template}; throws {@link IllegalArgumentException} saying what is wrong (not http(s), no host, a
   * placeholder in the host).
   */
  public static UrlTemplate of(String template) {
    String lower = template.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw new IllegalArgumentException("'" + template + "' is not an http or https URL");
    }
    int start = template.indexOf("://") + 3;
    int end = start;
    while (end < template.length() && "/?#".indexOf(template.charAt(end)) < 0) {
      end++;
    }
    if (template.substring(start, end).contains("{")) {
      throw new IllegalArgumentException("'" + template + "' has a placeholder in its host; only the path and the"
          + " query may have placeholders");
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    URI sample;
    try {
      sample = new URI(PLACEHOLDER.matcher(template).replaceAll("x"));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + template + "' is not a valid URL: " + e.getReason());
    }
    if (sample.getHost() == null || sample.getHost().isBlank()) {
      throw new IllegalArgumentException("'" + template + "' has no host name that can be read");
    }
    return new UrlTemplate(template, new ArrayList<>(names), HostPolicy.normalize(sample.getHost()));
  }

  /**
   * The URL with each placeholder replaced by its value, URL-encoded (a "/" cannot add a path segment, and "." or
   * ".." cannot climb), and {@code query} appended (each value encoded).
   */
  URI fill(Function<String, String> values, Map<String, List<String>> query) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder url = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(url, Matcher.quoteReplacement(encodeSegment(values.apply(matcher.group(1)))));
    }
    matcher.appendTail(url);
    if (!query.isEmpty()) {
      int hash = url.indexOf("#");
      String fragment = "";
      if (hash >= 0) {
        fragment = url.substring(hash);
        url.setLength(hash);
      }
      char separator = url.indexOf("?") >= 0 ? '&' : '?';
      for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
        for (String value : parameter.getValue()) {
          url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
          separator = '&';
        }
      }
      url.append(fragment);
    }
    return URI.create(url.toString());
  }

  /** Percent-encodes a query name or value, or a path segment (spaces as %20 in both). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodeSegment(String value) {
    return switch (value) {
      case "." -> "%2E";
      case ".." -> "%2E%2E";
      default -> encode(value);
    };
  }
}
