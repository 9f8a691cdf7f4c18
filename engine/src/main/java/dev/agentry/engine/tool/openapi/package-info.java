/**
 * The {@code openapi:} toolkit kind: the operations of an OpenAPI 3.0 or 3.1 document (JSON or YAML, read by
 * swagger-parser) as functions, sent through the HTTP toolkit's endpoints ({@code tool.http}).
 *
 * <p>Does not belong here: building and sending requests, the host guard, auth (all {@code tool.http} and
 * {@code internal.http}).
 */
@NullMarked
package dev.agentry.engine.tool.openapi;

import org.jspecify.annotations.NullMarked;
