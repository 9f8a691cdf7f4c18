package dev.agentry.engine.tool.openapi;

import dev.agentry.engine.spec.SpecRoot;
import dev.agentry.engine.tool.ToolkitException;
import dev.agentry.engine.tool.ToolkitSettings;
import dev.agentry.engine.tool.http.Fields;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAPI document read from a file (relative to the spec folder) or fetched from an http(s) URL, with its
 * {@code $ref}s resolved.
 *
 * @param api the parsed document
 * @param location the URL it was fetched from, or null for a file (relative server URLs resolve against it)
 */
record OpenApiDocument(OpenAPI api, @Nullable URI location) {
  private static final int MESSAGES_SHOWN = 3;
  /** The largest document file read. */
  private static final int MAX_BYTES = 16 * 1024 * 1024;

  /** Whether {@code document} names a URL rather than a file. */
  static boolean isUrl(String document) {
    String lower = document.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /**
   * Reads the document a file names, inside the spec folder like every path a spec names ({@link SpecRoot}); no
   * network. Its {@code $ref}s to other files are not followed.
   */
  static OpenApiDocument readFile(Fields settings, String document, Path baseDir) {
    if (document.contains("://")) {
      throw settings.fail("document", "'" + document + "' must be a file path or an http or https URL");
    }
    if (!Files.exists(baseDir.resolve(document))) {
      throw settings.fail("document", "'" + document + "' is not a file (paths are relative to the spec folder)");
    }
    String text = switch (SpecRoot.of(baseDir).read("document", document, baseDir, MAX_BYTES)) {
      case SpecRoot.Refusal refusal -> throw settings.fail("document", "is refused: " + refusal.message());
      case SpecRoot.Bytes bytes -> new String(bytes.bytes(), StandardCharsets.UTF_8);
    };
    return new OpenApiDocument(parse(settings, document,
        new OpenAPIV3Parser().readContents(text, null, options())), null);
  }

  /** Fetches the document a URL names, within {@code timeout}. */
  static OpenApiDocument fetch(Fields settings, String document, ToolkitSettings.Services services,
      Duration timeout) {
    URI uri;
    try {
      uri = URI.create(document);
    } catch (IllegalArgumentException e) {
      throw settings.fail("document", "'" + document + "' is not a valid URL");
    }
    HttpResponse<String> response;
    try {
      response = services.http().send(HttpRequest.newBuilder(uri).timeout(timeout)
          .header("Accept", "application/json, application/yaml, text/yaml, */*").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ToolkitException("document '" + document + "' could not be fetched: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolkitException("fetching document '" + document + "' was interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new ToolkitException("document '" + document + "' could not be fetched: status "
          + response.statusCode());
    }
    return new OpenApiDocument(parse(settings, document,
        new OpenAPIV3Parser().readContents(response.body(), null, options(), document)), uri);
  }

  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    return options;
  }

  private static OpenAPI parse(Fields settings, String document, SwaggerParseResult result) {
    OpenAPI api = result.getOpenAPI();
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    if (api == null || api.getPaths() == null) {
      throw settings.fail("document", "'" + document + "' is not an OpenAPI 3.0 or 3.1 document"
          + (messages.isEmpty() ? "" : ": " + String.join("; ", messages.subList(0,
              Math.min(MESSAGES_SHOWN, messages.size())))));
    }
    return api;
  }
}
