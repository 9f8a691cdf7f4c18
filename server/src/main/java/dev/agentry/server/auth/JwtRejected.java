package dev.agentry.server.auth;

/**
 * Why a JWT was refused, with the {@code detail} text Agno's middleware answers ({@code agentos-api.md} §5.2).
 *
 * @see JwtVerifier#verify(String)
 */
public final class JwtRejected extends Exception {
  private final int status;

  JwtRejected(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  /** A malformed, unverifiable or not-yet-valid token: {@code "Invalid token: <reason>"}. */
  static JwtRejected invalid(String reason) {
    return new JwtRejected(401, "Invalid token: " + reason);
  }

  static JwtRejected expired() {
    return new JwtRejected(401, "Token has expired");
  }

  static JwtRejected audience() {
    return new JwtRejected(401, "Invalid token audience - token not valid for this AgentOS instance");
  }

  static JwtRejected subject() {
    return new JwtRejected(401, "Invalid token subject");
  }

  /** The signing keys could not be fetched (a JWKS URL that does not answer): the token may well be good. */
  static JwtRejected unavailable() {
    return new JwtRejected(503, "Authentication is temporarily unavailable");
  }

  /** The HTTP status: 401, or 503 when the keys could not be fetched. */
  public int status() {
    return status;
  }

  /** The {@code detail} text of the error body. */
  public String detail() {
    return getMessage();
  }
}
