/**
 * Hot reload of the spec set: {@code CatalogHolder} builds a new catalog beside the live one and swaps it atomically;
 * the watcher decides when. Runs in flight keep the catalog they started on. HTTP routes do not belong here.
 */
@NullMarked
package dev.agentry.server.reload;

import org.jspecify.annotations.NullMarked;
