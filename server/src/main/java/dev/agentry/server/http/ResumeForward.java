package dev.agentry.server.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@code /resume} of a run that another instance runs to that instance, and streams its SSE answer through
 * to the client as it arrives: each chunk read is written and flushed at once, so events reach the client as the
 * owner produces them. The forwarded request carries {@value #HEADER} (this instance's id), and a request carrying it
 * is never forwarded again. The client's {@code Authorization} header goes along, so the owner authenticates the
 * same caller.
 */
final class ResumeForward {
  /** Marks a forwarded request; its value is the id of the instance that forwarded it. */
  static final String HEADER = "X-Agentry-Forwarded-By";

  private static final Logger LOG = LoggerFactory.getLogger(ResumeForward.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);


  private ResumeForward() {}

  /** True when {@code ctx} was itself forwarded by another instance (it must be answered here). */
  static boolean forwarded(Context ctx) {
    String by = ctx.header(HEADER);
    return by != null && !by.isBlank();
  }

  /**
   * Sends the request to {@code ownerUrl} and copies its answer (status, content type, body) to the client until the
   * owner ends it or the client goes away.
   *
   * @return false when the owner could not be reached (nothing was written: answer here instead)
   */
  static boolean forward(Context ctx, String ownerUrl, Map<String, List<String>> form, String selfId) {
    String query = ctx.queryString();
    URI uri = URI.create(ownerUrl + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/event-stream")
        .header(HEADER, selfId)
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<InputStream> answer;
    try {
      answer = Client.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      LOG.warn("cannot forward the resume of run {} to its instance at {}: {}; answering from the database",
          ctx.pathParam("run_id"), ownerUrl, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try (InputStream in = answer.body()) {
      HttpServletResponse res = ctx.res();
      res.setStatus(answer.statusCode());
      answer.headers().firstValue("Content-Type").ifPresent(res::setContentType);
      res.setHeader("Cache-Control", "no-cache");
      res.setHeader("X-Accel-Buffering", "no");
      OutputStream out = res.getOutputStream(); // the servlet's own stream: its flush reaches the socket (SseWriter)
      res.flushBuffer();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the client or the owner went away: closing the body (try-with-resources) ends the forwarded request too
    }
    return true;
  }

  /** The client, made on the first forward (a server that never forwards never starts its threads). */
  private static final class Client {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  private static String encode(Map<String, List<String>> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach((name, values) -> values.forEach(value -> body.add(
        URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
    return body.toString();
  }
}
