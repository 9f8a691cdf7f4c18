package dev.agentry.server.reload;

/**
 * A reload asked for on demand that did not compile, or whose compile was abandoned at the time limit: the live
 * catalog was kept, and the attempt holds the diagnostics. The HTTP layer answers it with {@link #status()} (422 for
 * invalid specs, 503 for an abandoned compile) and the diagnostics.
 */
public final class ReloadFailedException extends RuntimeException {
  private final transient CatalogHolder.Attempt attempt;

  public ReloadFailedException(CatalogHolder.Attempt attempt) {
    super(message(attempt), null, false, false);
    this.attempt = attempt;
  }

  /** The HTTP status: 422 when the specs are invalid, 503 when the compile did not finish in time. */
  public int status() {
    return switch (attempt.outcome()) {
      case TIMED_OUT -> 503;
      case LOADED, RELOADED, UNCHANGED, FAILED -> 422;
    };
  }

  /** The failed attempt, with its diagnostics. */
  public CatalogHolder.Attempt attempt() {
    return attempt;
  }

  private static String message(CatalogHolder.Attempt attempt) {
    if (attempt.outcome() == CatalogHolder.Outcome.TIMED_OUT) {
      String why = attempt.diagnostics().isEmpty() ? "the reload timed out" : attempt.diagnostics().get(0).message();
      return "The specs were not reloaded: " + why + "; still serving version " + attempt.previousVersion();
    }
    long errors = attempt.diagnostics().stream()
        .filter(d -> d.severity() == dev.agentry.engine.spec.Diagnostic.Severity.ERROR).count();
    return "The specs are invalid (" + errors + " error" + (errors == 1 ? "" : "s") + "); still serving version "
        + attempt.previousVersion();
  }
}
