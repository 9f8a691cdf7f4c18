package dev.agentry.server.reload;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The status of one resource of the live catalog: ready, or degraded because something outside the specs that it
 * needs is missing (an API key, a base URL). A degraded resource stays in the catalog and fails only its own runs.
 *
 * @param kind the resource's kind as written in YAML ({@code Agent}, {@code Model}, ...)
 * @param id its {@code metadata.name}
 * @param reason what is missing and how to fix it; null when ready
 */
public record ResourceStatus(String kind, String id, Status status, @Nullable String reason) {
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
    return new ResourceStatus(kind, id, Status.READY, null);
  }

  /** A resource that cannot run until {@code reason} is fixed. */
  public static ResourceStatus degraded(String kind, String id, String reason) {
    return new ResourceStatus(kind, id, Status.DEGRADED, reason);
  }

  /** True when the resource can serve runs. */
  public boolean isReady() {
    return status == Status.READY;
  }
}
