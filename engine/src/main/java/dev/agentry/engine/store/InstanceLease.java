package dev.agentry.engine.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One server instance using a database, as the others see it: several instances may share one PostgreSQL or MongoDB
 * database. An instance renews its lease while it lives; a run whose owner's lease has ended is no longer in flight
 * and is marked interrupted by whichever instance notices first.
 *
 * @param instanceId the instance's id, unique per process (recorded on every run it starts)
 * @param url the base URL the other instances reach it on (to forward a resumed stream), if it advertises one
 * @param startedAt when the instance started
 * @param until when its lease ends unless renewed
 */
public record InstanceLease(String instanceId, @Nullable String url, Instant startedAt, Instant until) {
  /** True while the lease has not ended at {@code now}. */
  public boolean liveAt(Instant now) {
    return until.isAfter(now);
  }
}
