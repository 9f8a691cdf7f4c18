package dev.agentry.server;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Clients that keep using one agent while a test edits the specs: half of them run it (alternately streamed and
 * not), the others GET it; every answer that is not a 200 with a completed run is a failure, kept with its body.
 */
final class ClientLoad implements AutoCloseable {
  private final TestServer server;
  private final String agent;
  private final ExecutorService clients;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong requests = new AtomicLong();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  private ClientLoad(TestServer server, String agent, int threads) {
    this.server = server;
    this.agent = agent;
    this.clients = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      int client = i;
      clients.submit(() -> loop(client));
    }
  }

  /** Starts {@code threads} clients of {@code agent}. */
  static ClientLoad start(TestServer server, String agent, int threads) {
    return new ClientLoad(server, agent, threads);
  }

  /** The requests answered so far, failed or not. */
  long requests() {
    return requests.get();
  }

  /** The failures so far: what was asked and what came back. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Waits until {@code more} further requests have been answered (or one failed), within the deadline. */
  void awaitMore(int more) {
    long target = requests() + more;
    Await.awaitTrue(more + " more requests", () -> requests() >= target || !failures.isEmpty());
  }

  /** Stops the clients and waits for their last requests. */
  @Override
  public void close() {
    stop.set(true);
    clients.shutdown();
    try {
      if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
        failures.add("the clients did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop(int client) {
    for (long n = 0; !stop.get(); n++) {
      try {
        String failure = client % 2 == 0 ? run(n % 2 == 0) : get();
        if (failure != null) {
          failures.add(failure);
        }
      } catch (RuntimeException | AssertionError e) {
        failures.add("client " + client + ": " + e);
      }
      requests.incrementAndGet();
    }
  }

  private String run(boolean streamed) {
    if (streamed) {
      TestServer.Sse sse = server.stream("/agents/" + agent + "/runs", Map.of("message", "hi", "stream", "true"));
      List<String> names = sse.names();
      return sse.status() == 200 && !names.isEmpty() && names.get(names.size() - 1).equals("RunCompleted") ? null
          : "streamed run: " + sse.status() + " " + sse.raw();
    }
    HttpResponse<String> response = server.postForm("/agents/" + agent + "/runs", Map.of("message", "hi",
        "stream", "false"));
    if (response.statusCode() != 200) {
      return "run: " + response.statusCode() + " " + response.body();
    }
    JsonNode run = TestServer.json(response);
    return run.path("status").asString().equals("COMPLETED") ? null : "run: " + response.body();
  }

  private String get() {
    HttpResponse<String> response = server.get("/agents/" + agent);
    return response.statusCode() == 200 ? null : "GET /agents/" + agent + ": " + response.statusCode() + " "
        + response.body();
  }
}
