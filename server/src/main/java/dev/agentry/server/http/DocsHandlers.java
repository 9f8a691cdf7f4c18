package dev.agentry.server.http;

import dev.agentry.server.AgentOs;
import io.javalin.http.Context;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /openapi.json} and {@code GET /docs} ({@code agentos-api.md} §1.1): the API document built from the
 * route table, and Swagger UI over it, loaded from a CDN so that the server needs no UI dependency. Both routes are
 * public, as in Agno ({@code Authentication.EXCLUDED}).
 */
final class DocsHandlers {
  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>%s - Swagger UI</title>
        <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"><noscript>The API document is at <a href="/openapi.json">/openapi.json</a>.</noscript></div>
        <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
        <script>
          window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
            layout: "BaseLayout"});
        </script>
      </body>
      </html>
      """;

  private final AgentOs os;
  /** The route table is fixed for the server's life; only the document's title can change (on reload). */
  private volatile @Nullable List<Routes.Route> routes;

  DocsHandlers(AgentOs os) {
    this.os = os;
  }

  void openApi(Context ctx) {
    ctx.json(OpenApi.document(os, routes()));
  }

  void swaggerUi(Context ctx) {
    ctx.html(PAGE.formatted(escape(OpenApi.title(os.osSpec()))));
  }

  private List<Routes.Route> routes() {
    List<Routes.Route> table = routes;
    if (table == null) {
      table = Routes.table(os);
      routes = table;
    }
    return table;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
