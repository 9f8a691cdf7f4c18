package dev.agentry.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreSettings;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {
  private static PostgresUrl parse(String url) {
    return PostgresUrl.parse(StoreSettings.of(url));
  }

  @Test
  void credentials_leave_the_url_for_the_driver() {
    PostgresUrl url = parse("postgresql://agentry:s3cret@db.example.com:6543/agentry?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/agentry?sslmode=require");
    assertThat(url.user()).isEqualTo("agentry");
    assertThat(url.password()).isEqualTo("s3cret");
    assertThat(url.toString()).doesNotContain("s3cret");
  }

  @Test
  void percent_encoded_credentials_are_decoded_and_plus_stays_plus() {
    PostgresUrl url = parse("postgres://me%40corp:p%40ss%2Fw+rd@localhost/db");
    assertThat(url.user()).isEqualTo("me@corp");
    assertThat(url.password()).isEqualTo("p@ss/w+rd");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/db");
  }

  @Test
  void credentials_may_also_be_parameters_and_the_host_defaults_to_localhost() {
    PostgresUrl url = parse("postgresql:///agentry?user=bob&password=x%26y&ApplicationName=test");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/agentry?ApplicationName=test");
    assertThat(url.user()).isEqualTo("bob");
    assertThat(url.password()).isEqualTo("x&y");
  }

  @Test
  void sqlalchemy_driver_suffixes_and_several_hosts_are_accepted() {
    PostgresUrl url = parse("postgresql+psycopg://ai:ai@h1:5432,h2:5433/ai");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/ai");
    assertThat(parse("postgresql://h").user()).isNull();
    assertThat(parse("postgresql://h").password()).isNull();
  }

  @Test
  void other_schemes_are_refused_without_showing_the_password() {
    assertThatThrownBy(() -> parse("mysql://u:s3cret@h/db")).isInstanceOf(StoreException.class)
        .hasMessageContaining("not a PostgreSQL URL").hasMessageNotContaining("s3cret");
  }
}
