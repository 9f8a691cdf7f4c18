package dev.agentry.engine;

/**
 * The unchecked root of every exception the engine throws.
 *
 * <p>Subclasses say whose fault a failure is: {@link dev.agentry.engine.spec.SpecException} is the spec author's
 * YAML; later issues add provider, limit and store failures. Public signatures never declare checked exceptions, so
 * the API reads the same from Java and Kotlin.
 */
public class EngineException extends RuntimeException {
  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
