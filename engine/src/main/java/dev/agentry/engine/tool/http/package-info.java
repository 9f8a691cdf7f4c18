/**
 * The {@code http:} toolkit kind: declared HTTP endpoints as functions ({@link dev.agentry.engine.tool.http.HttpKind}),
 * and the endpoint toolkit the OpenAPI kind builds on ({@link dev.agentry.engine.tool.http.Endpoint},
 * {@link dev.agentry.engine.tool.http.Connection}, {@link dev.agentry.engine.tool.http.EndpointToolkit}).
 *
 * <p>Does not belong here: the host guard, redirects and bounded bodies shared with {@code http_fetch}
 * ({@code internal.http}), reading OpenAPI documents ({@code tool.openapi}).
 */
@NullMarked
package dev.agentry.engine.tool.http;

import org.jspecify.annotations.NullMarked;
