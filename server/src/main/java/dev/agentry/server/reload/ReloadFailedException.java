package dev.agentry.server.reload;

/**
 * A reload asked for on demand that did not compile: the live catalog was kept, and the attempt holds the
 * diagnostics. The HTTP layer answers it with 422 and the diagnostics.
 */
public final class ReloadFailedException extends RuntimeException {
  private final transient CatalogHolder.Attempt attempt;

  public ReloadFailedException(CatalogHolder.Attempt attempt) {
    super(message(attempt), null, false, false);
    this.attempt = attempt;
  }

  /** The failed attempt, with its diagnostics. */
  public CatalogHolder.Attempt attempt() {
    return attempt;
  }

  private static String message(CatalogHolder.Attempt attempt) {
    long errors = attempt.diagnostics().stream()
        .filter(d -> d.severity() == dev.agentry.engine.spec.Diagnostic.Severity.ERROR).count();
    return "The specs are invalid (" + errors + " error" + (errors == 1 ? "" : "s") + "); still serving version "
        + attempt.previousVersion();
  }
}
