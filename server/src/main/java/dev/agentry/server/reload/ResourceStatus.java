package dev.agentry.server.reload;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The status of one resource of the live catalog: ready, or degraded because something outside the specs that it
 * needs is missing (an API key, a base URL) or failed (a toolkit that could not be opened). A degraded resource stays in the catalog and fails only its own runs.
 *
 * @param kind the resource's kind as written in YAML ({@code Agent}, {@code Model}, ...)
 * @param id its {@code metadata.name}
 * @param reason what is missing and how to fix it; null when ready
 * @param warnings what is wrong but does not stop it (a function name an MCP server does not have)
 */
public record ResourceStatus(String kind, String id, Status status, @Nullable String reason, List<String> warnings) {
  public ResourceStatus {
    warnings = List.copyOf(warnings);
  }

  /** Whether a resource can serve runs. */
  public enum Status {
    READY,
    DEGRADED;

    /** The lower-case word of the API ({@code ready}, {@code degraded}). */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A resource with nothing missing. */
  public static ResourceStatus ready(String kind, String id) {
    return new ResourceStatus(kind, id, Status.READY, null, List.of());
  }

  /** A resource that cannot run until {@code reason} is fixed. */
  public static ResourceStatus degraded(String kind, String id, String reason) {
    return new ResourceStatus(kind, id, Status.DEGRADED, reason, List.of());
  }

  /** This status with {@code more} warnings. */
  public ResourceStatus warn(List<String> more) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new ResourceStatus(kind, id, status, reason, all);
  }

  /** True when the resource can serve runs. */
  public boolean isReady() {
    return status == Status.READY;
  }
}
