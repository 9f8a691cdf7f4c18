/**
 * The API's request and response records, named and shaped as the contract's schemas ({@code agentos-api.md});
 * built from the engine's model and store records, never handed out as those records themselves.
 */
@NullMarked
package dev.agentry.server.http.dto;

import org.jspecify.annotations.NullMarked;
