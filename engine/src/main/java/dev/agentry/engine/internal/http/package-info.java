/**
 * Engine internals for tools that make HTTP requests on a model's behalf ({@code http_fetch}, the HTTP and OpenAPI
 * toolkits): the host and private-address guard, redirects followed by hand with each hop checked, and bodies read
 * up to a limit. Not API: may change in any release.
 *
 * <p>Does not belong here: what a toolkit's functions are or how their arguments become a request (the toolkits'
 * own packages), the HTTP of model providers ({@code llm.http}).
 */
@NullMarked
package dev.agentry.engine.internal.http;

import org.jspecify.annotations.NullMarked;
