package dev.agentry.engine.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The address and host rules behind http_fetch ("Tools" in the name keeps it in the toolkit test selection). */
class HostPolicyTest {
  private static boolean isPrivate(String literal) throws UnknownHostException {
    return HostPolicy.isPrivate(InetAddress.getByName(literal));
  }

  @Test
  void private_loopback_link_local_and_reserved_addresses_are_not_public() throws UnknownHostException {
    for (String literal : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
        "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::10.0.0.1", "64:ff9b::a00:1",
        "2002:c0a8:101::1")) {
      assertThat(isPrivate(literal)).as(literal).isTrue();
    }
  }

  @Test
  void public_addresses_pass() throws UnknownHostException {
    for (String literal : List.of("8.8.8.8", "93.184.215.14", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
        "64:ff9b::808:808")) {
      assertThat(isPrivate(literal)).as(literal).isFalse();
    }
  }

  @Test
  void a_wildcard_matches_subdomains_only() {
    HostPolicy policy = new HostPolicy(List.of("*.example.com", "docs.agno.com"), false, InetAddress::getAllByName,
        new HostPolicy.Advice("", ""));
    assertThat(policy.isAllowed("api.example.com")).isTrue();
    assertThat(policy.isAllowed("a.b.example.com")).isTrue();
    assertThat(policy.isAllowed("example.com")).isFalse();
    assertThat(policy.isAllowed("badexample.com")).isFalse();
    assertThat(policy.isAllowed("docs.agno.com")).isTrue();
    assertThat(policy.isAllowed("docs.agno.com.evil.net")).isFalse();
  }

  @Test
  void host_names_compare_in_one_form() {
    assertThat(HostPolicy.normalize("Docs.Agno.COM.")).isEqualTo("docs.agno.com");
    assertThat(HostPolicy.normalize("[::1]")).isEqualTo("::1");
    assertThat(HostPolicy.normalize("bücher.example")).isEqualTo("xn--bcher-kva.example");
  }
}
