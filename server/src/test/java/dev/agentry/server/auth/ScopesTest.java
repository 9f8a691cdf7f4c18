package dev.agentry.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scope model of {@code agentos-api.md} §5.4, as Agno's {@code scopes.py} decides it. */
class ScopesTest {
  private static final String ADMIN = Scopes.DEFAULT_ADMIN;

  @Test
  void a_global_scope_satisfies_itself_and_nothing_else() {
    assertThat(Scopes.hasRequired(List.of("sessions:read"), List.of("sessions:read"), null, null, ADMIN)).isTrue();
    assertThat(Scopes.hasRequired(List.of("sessions:read"), List.of("sessions:write"), null, null, ADMIN)).isFalse();
    assertThat(Scopes.hasRequired(List.of("memories:read"), List.of("sessions:read"), null, null, ADMIN)).isFalse();
    assertThat(Scopes.hasRequired(List.of(), List.of(), null, null, ADMIN)).isTrue();
  }

  @Test
  void under_a_resource_path_the_per_resource_and_wildcard_forms_satisfy_the_global_scope() {
    List<String> run = List.of("agents:run");
    assertThat(Scopes.hasRequired(List.of("agents:run"), run, "agents", "echo", ADMIN)).isTrue();
    assertThat(Scopes.hasRequired(List.of("agents:echo:run"), run, "agents", "echo", ADMIN)).isTrue();
    assertThat(Scopes.hasRequired(List.of("agents:*:run"), run, "agents", "echo", ADMIN)).isTrue();
    assertThat(Scopes.hasRequired(List.of("agents:other:run"), run, "agents", "echo", ADMIN)).isFalse();
    assertThat(Scopes.hasRequired(List.of("agents:echo:read"), run, "agents", "echo", ADMIN)).isFalse();
    assertThat(Scopes.hasRequired(List.of("teams:echo:run"), run, "agents", "echo", ADMIN)).isFalse();
  }

  @Test
  void without_a_resource_id_only_the_global_scope_or_the_wildcard_satisfies() {
    List<String> read = List.of("agents:read");
    assertThat(Scopes.hasRequired(List.of("agents:*:read"), read, "agents", null, ADMIN)).isTrue();
    assertThat(Scopes.hasRequired(List.of("agents:echo:read"), read, "agents", null, ADMIN)).isFalse();
  }

  @Test
  void the_admin_scope_grants_everything_and_a_custom_admin_scope_replaces_the_default() {
    assertThat(Scopes.hasRequired(List.of(ADMIN), List.of("config:write"), null, null, ADMIN)).isTrue();
    assertThat(Scopes.accessibleIds(List.of(ADMIN), "agents", "run", ADMIN)).containsExactly(Scopes.ALL);
    assertThat(Scopes.hasRequired(List.of("ops:root"), List.of("config:write"), null, null, "ops:root")).isTrue();
    assertThat(Scopes.hasRequired(List.of(ADMIN), List.of("config:write"), null, null, "ops:root")).isFalse();
  }

  @Test
  void legacy_system_scopes_read_as_config() {
    assertThat(Scopes.hasRequired(List.of("system:read"), List.of("config:read"), null, null, ADMIN)).isTrue();
  }

  @Test
  void malformed_scopes_match_nothing() {
    assertThat(Scopes.hasRequired(List.of("agents"), List.of("agents:read"), null, null, ADMIN)).isFalse();
    assertThat(Scopes.hasRequired(List.of("a:b:c:d"), List.of("agents:read"), "agents", "x", ADMIN)).isFalse();
  }

  @Test
  void accessible_ids_are_all_for_a_global_or_wildcard_scope_and_the_named_ids_otherwise() {
    assertThat(Scopes.accessibleIds(List.of("agents:read"), "agents", "read", ADMIN)).containsExactly("*");
    assertThat(Scopes.accessibleIds(List.of("agents:*:run"), "agents", "run", ADMIN)).containsExactly("*");
    assertThat(Scopes.accessibleIds(List.of("agents:a:read", "agents:b:read", "agents:c:run", "teams:d:read"),
        "agents", "read", ADMIN)).containsExactlyInAnyOrder("a", "b");
    assertThat(Scopes.accessibleIds(List.of("agents:a:read"), "agents", "run", ADMIN)).isEmpty();
    assertThat(Scopes.accessibleIds(List.of("agents:a:read", "agents:b:run"), "agents", null, ADMIN))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void the_texts_are_agnos() {
    assertThat(Scopes.insufficient(List.of("agents:read"))).isEqualTo(
        "Insufficient permissions. Required scope(s): agents:read");
    assertThat(Scopes.insufficient(List.of("a:b", "c:d"))).isEqualTo(
        "Insufficient permissions. Required scope(s): a:b, c:d");
    assertThat(Scopes.accessDenied("run", "workflows")).isEqualTo("Access denied to run this workflow");
  }
}
