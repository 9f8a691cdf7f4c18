package dev.agentry.engine.tool.http;

import dev.agentry.engine.internal.http.GuardedHttp;
import dev.agentry.engine.internal.http.HostPolicy;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.Toolkit;
import java.net.InetAddress;
import java.util.List;

/**
 * An open HTTP or OpenAPI toolkit: one function per {@link Endpoint}, all sending through one {@link GuardedHttp}
 * whose allowed hosts are the hosts of the endpoints' URLs. Closing it closes its HTTP client.
 */
public final class EndpointToolkit implements Toolkit {
  private static final String USER_AGENT = "Agentry-toolkit/1";

  private final GuardedHttp http;
  private final List<Tool> tools;

  private EndpointToolkit(GuardedHttp http, List<Tool> tools) {
    this.http = http;
    this.tools = tools;
  }

  /**
   * Opens the endpoints.
   *
   * @param kind the YAML key of the toolkit ({@code http} or {@code openapi}), named by refusals
   */
  public static EndpointToolkit open(List<Endpoint> endpoints, Connection connection, String kind) {
    return open(endpoints, connection, kind, InetAddress::getAllByName);
  }

  static EndpointToolkit open(List<Endpoint> endpoints, Connection connection, String kind,
      HostPolicy.Resolver resolver) {
    List<String> hosts = endpoints.stream().map(e -> e.url().host()).distinct().toList();
    HostPolicy policy = new HostPolicy(hosts, connection.allowPrivateAddresses(), resolver, new HostPolicy.Advice(
        "an " + kind + " toolkit reaches only the hosts of its declared URLs",
        "set allow_private_addresses: true on the " + kind + " toolkit to reach a local or private service"));
    GuardedHttp http = new GuardedHttp(policy, connection.maxResponseBytes(), connection.timeout(), USER_AGENT);
    List<Tool> tools = endpoints.stream().<Tool>map(e -> new EndpointTool(e, connection, http)).toList();
    return new EndpointToolkit(http, tools);
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }

  @Override
  public void close() {
    http.close();
  }
}
