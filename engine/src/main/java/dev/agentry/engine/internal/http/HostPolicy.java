package dev.agentry.engine.internal.http;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs a tool may reach: http or https, a host on the allowed list, and (unless private addresses are allowed)
 * a host whose every address is public. Used by {@code http_fetch} and by the HTTP and OpenAPI toolkits.
 *
 * <p>The address rule is what stops a prompt injection from using an allowed name that resolves to an internal
 * address (a cloud metadata service, a router). The host is resolved here, immediately before each request and each
 * redirect hop, which narrows a DNS-rebinding window to the moment between this check and the connect.
 *
 * @param allowedHosts lower-case host names, IP literals, or {@code *.suffix} patterns matching any subdomain
 * @param allowPrivate whether loopback, private, link-local and other non-public addresses may be reached
 * @param resolver looks up a host's addresses; tests swap in a fixed table
 * @param advice what a refusal tells the model (and the author) to change
 */
public record HostPolicy(List<String> allowedHosts, boolean allowPrivate, Resolver resolver, Advice advice) {
  /** Looks up every address of a host. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * The end of a refusal's message, naming the setting that would allow it.
   *
   * @param notAllowed after "host 'h' is not allowed; ", such as "add it to the http_fetch option allowed_hosts"
   * @param privateAddress after "... non-public address; ", such as "set allow_private_addresses to true"
   */
  public record Advice(String notAllowed, String privateAddress) {}

  public HostPolicy {
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** The form hosts are compared in: ASCII, lower case, no IPv6 brackets, no trailing dot. */
  public static String normalize(String host) {
    String h = host.strip();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
  }

  /** Returns the normalized host of {@code uri}, or throws {@link HttpFailure} saying why it may not be reached. */
  public String check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new HttpFailure("only http and https URLs can be fetched, not '" + uri.getScheme() + "'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new HttpFailure("the URL has no host name that can be read (write non-ASCII names in punycode)");
    }
    String host;
    try {
      host = normalize(uri.getHost());
    } catch (IllegalArgumentException e) {
      throw new HttpFailure("the URL's host name is not valid");
    }
    if (!isAllowed(host)) {
      throw new HttpFailure("host '" + host + "' is not allowed; " + advice.notAllowed()
          + " (allowed: " + String.join(", ", allowedHosts) + ")");
    }
    if (allowPrivate) {
      return host;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new HttpFailure("host '" + host + "' could not be resolved");
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        throw new HttpFailure("host '" + host + "' resolves to a loopback, private or otherwise non-public address; "
            + advice.privateAddress());
      }
    }
    return host;
  }

  public boolean isAllowed(String host) {
    for (String allowed : allowedHosts) {
      if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  /** True for every address that is not plainly on the public internet. */
  public static boolean isPrivate(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPrivateV4(b);
    }
    if (address instanceof Inet6Address v6) {
      if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
        return true;
      }
      // Addresses that carry an IPv4 address inside: IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16.
      if (v6.isIPv4CompatibleAddress() || isNat64(b)) {
        return isPrivateV4(new byte[] {b[12], b[13], b[14], b[15]});
      }
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
        return isPrivateV4(new byte[] {b[2], b[3], b[4], b[5]});
      }
    }
    return false;
  }

  private static boolean isPrivateV4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this network", including 0.0.0.0
        || first == 10
        || first == 127
        || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
        || (first == 169 && second == 254)
        || (first == 172 && (second & 0xf0) == 16)
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
        || (first == 192 && second == 168)
        || (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15 benchmarking
        || first >= 224; // multicast, reserved and broadcast
  }

  private static boolean isNat64(byte[] b) {
    if ((b[0] & 0xff) != 0x00 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
      return false;
    }
    for (int i = 4; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
