package dev.agentry.engine.tool.openapi;

import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import dev.agentry.engine.tool.http.Auth;
import dev.agentry.engine.tool.http.Connection;
import dev.agentry.engine.tool.http.Endpoint;
import dev.agentry.engine.tool.http.EndpointToolkit;
import dev.agentry.engine.tool.http.Fields;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code openapi:}: the operations of an OpenAPI 3.0 or 3.1 document as functions
 * ({@code schemas/toolkit.schema.json#/$defs/openapi}), sent like the HTTP toolkit's endpoints: the same guard (only
 * the server's host, no private address unless {@code allow_private_addresses}, redirects only to that host), limits
 * and auth.
 *
 * <p>A document on disk is read when the specs are compiled, so its functions are known (and the names a spec uses
 * checked) before the toolkit opens; a document at a URL is fetched when the toolkit opens. The {@code auth} given
 * stands for the document's security schemes: an {@code api_key} auth without a {@code name} takes the header or
 * query parameter of the document's apiKey scheme.
 */
public final class OpenApiKind implements ToolkitKind {
  @Override
  public String key() {
    return "openapi";
  }

  @Override
  public @Nullable List<ToolDefinition> describe(ToolkitSettings settings) {
    Fields fields = Fields.of(settings.value(), "openapi");
    String document = fields.requiredString("document");
    Connection connection = Connection.read(fields);
    fields.strings("operations");
    fields.strings("tags");
    String serverUrl = fields.string("server_url");
    if (OpenApiDocument.isUrl(document)) {
      return null; // fetched when the toolkit opens; its functions (and the document's key name) are known then
    }
    OpenApiDocument read = OpenApiDocument.readFile(fields, document, settings.baseDir());
    withKeyName(connection, read);
    return endpoints(fields, read, serverUrl).stream().map(Endpoint::definition).toList();
  }

  @Override
  public Toolkit open(ToolkitSettings settings) {
    Fields fields = Fields.of(settings.value(), "openapi");
    String document = fields.requiredString("document");
    Connection connection = Connection.read(fields);
    OpenApiDocument read = OpenApiDocument.isUrl(document)
        ? OpenApiDocument.fetch(fields, document, settings.services(), connection.timeout())
        : OpenApiDocument.readFile(fields, document, settings.baseDir());
    Connection resolved = withKeyName(connection, read);
    return EndpointToolkit.open(endpoints(fields, read, fields.string("server_url")), resolved, "openapi");
  }

  private static List<Endpoint> endpoints(Fields fields, OpenApiDocument document, @Nullable String serverUrl) {
    return Operations.endpoints(document, fields, serverUrl, fields.strings("operations"), fields.strings("tags"));
  }

  /**
   * The connection with an API key's name taken from the document's apiKey scheme when the auth names none; throws
   * when it still has none.
   */
  private static Connection withKeyName(Connection connection, OpenApiDocument document) {
    Auth auth = connection.auth();
    if (auth == null) {
      return connection;
    }
    if (auth.type().equals("api_key") && auth.name() == null && document.api().getComponents() != null
        && document.api().getComponents().getSecuritySchemes() != null) {
      for (Map.Entry<String, SecurityScheme> scheme
          : document.api().getComponents().getSecuritySchemes().entrySet()) {
        SecurityScheme value = scheme.getValue();
        if (value.getType() == SecurityScheme.Type.APIKEY && value.getName() != null && value.getIn() != null
            && value.getIn() != SecurityScheme.In.COOKIE) {
          auth = auth.withKeyName(value.getName(), value.getIn().toString().toLowerCase(Locale.ROOT));
          break;
        }
      }
    }
    auth.check("auth");
    return connection.withAuth(auth);
  }
}
