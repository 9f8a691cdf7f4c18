package dev.agentry.server.reload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the spec set as {@code GET /specs/status} shows it.
 *
 * @param version the live catalog version
 * @param loadedAt when that version went live
 * @param root the spec root being served
 * @param lastAttempt the last load of the root, which may have failed (the live version is then older)
 * @param resources the status of every live resource, in kind then id order
 * @param waiting the edit the watcher holds back as half-written, if any
 */
public record SpecStatus(String version, Instant loadedAt, Path root, CatalogHolder.Attempt lastAttempt,
    List<ResourceStatus> resources, CatalogHolder.@Nullable Waiting waiting) {
  public SpecStatus {
    resources = List.copyOf(resources);
  }
}
