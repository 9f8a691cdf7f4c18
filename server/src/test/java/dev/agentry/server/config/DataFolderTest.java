package dev.agentry.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The engine's data folder (knowledge indexes) follows the default database's SQLite file. */
class DataFolderTest {
  private final Catalog catalog = SpecCompiler.create().compile(Path.of("../specs")).orThrow();

  @Test
  void the_data_folder_is_the_folder_of_the_sqlite_file() {
    assertThat(DataFolder.choose(catalog, "sqlite:/srv/agentry/state/agentry.db"))
        .isEqualTo(Path.of("/srv/agentry/state"));
    assertThat(DataFolder.choose(catalog, "sqlite:./agentry.db"))
        .isEqualTo(Path.of("").toAbsolutePath().normalize());
  }

  @Test
  void without_a_sqlite_file_it_is_data_under_the_working_folder() {
    assertThat(DataFolder.choose(catalog, "memory:")).isEqualTo(Path.of("data"));
    assertThat(DataFolder.choose(catalog, "postgresql://u:p@db.example:5432/agentry")).isEqualTo(Path.of("data"));
  }
}
