package dev.agentry.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule of which files are specs, shared by the loader and the server's watcher. */
class SpecTreeTest {
  @TempDir Path dir;

  @Test
  void yaml_and_yml_files_are_specs_and_hidden_ones_and_other_names_are_not() {
    assertThat(SpecTree.isSpecFile(Path.of("specs/agents.yaml"))).isTrue();
    assertThat(SpecTree.isSpecFile(Path.of("specs/agents.yml"))).isTrue();
    assertThat(SpecTree.isSpecFile(Path.of("specs/.agents.yaml.swp"))).isFalse();
    assertThat(SpecTree.isSpecFile(Path.of("specs/.agents.yaml"))).isFalse();
    assertThat(SpecTree.isSpecFile(Path.of("specs/agents.json"))).isFalse();
    assertThat(SpecTree.isSpecFile(Path.of("specs/agents.yaml~"))).isFalse();
  }

  @Test
  void the_walk_enters_folders_except_hidden_ones_and_meets_only_spec_files() throws IOException {
    Files.createDirectories(dir.resolve("team"));
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.createDirectories(dir.resolve("..data"));
    Files.writeString(dir.resolve("agents.yaml"), "");
    Files.writeString(dir.resolve("team/members.yml"), "");
    Files.writeString(dir.resolve("team/notes.md"), "");
    Files.writeString(dir.resolve(".git/objects/x.yaml"), "");
    Files.writeString(dir.resolve("..data/agents.yaml"), "");
    List<Path> folders = new ArrayList<>();
    List<Path> files = new ArrayList<>();

    SpecTree.walk(dir, new SpecTree.Visitor() {
      @Override
      public void folder(Path folder) {
        folders.add(dir.relativize(folder));
      }

      @Override
      public void specFile(Path file, BasicFileAttributes attrs) {
        files.add(dir.relativize(file));
      }
    });

    assertThat(folders).containsExactlyInAnyOrder(Path.of(""), Path.of("team"));
    assertThat(files).containsExactlyInAnyOrder(Path.of("agents.yaml"), Path.of("team/members.yml"));
  }

  @Test
  void a_root_that_is_a_file_is_the_one_spec_file_whatever_its_name() throws IOException {
    Path single = Files.writeString(dir.resolve("agentry.conf"), "");
    List<Path> files = new ArrayList<>();

    SpecTree.walk(single, (file, attrs) -> files.add(file));

    assertThat(files).containsExactly(single);
  }
}
