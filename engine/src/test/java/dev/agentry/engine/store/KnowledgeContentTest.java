package dev.agentry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.store.KnowledgeContent.ContentStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeContentTest {
  @Test
  void topLevelNullsOfTheMetadataAreLeftOutAndNestedValuesKept() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("author", null);
    metadata.put("tags", List.of("a"));
    KnowledgeContent c = new KnowledgeContent("c1", "docs", "a.md", "", metadata, "md", 1, ContentStatus.COMPLETED,
        "", 0, null, 1, 1);
    assertThat(c.metadata()).containsOnlyKeys("tags").containsEntry("tags", List.of("a"));
  }

  @Test
  void statusReadsFromItsKeyIgnoringCaseAndRefusesOthers() {
    assertThat(ContentStatus.FAILED.key()).isEqualTo("failed");
    assertThat(ContentStatus.ofKey("completed")).isEqualTo(ContentStatus.COMPLETED);
    assertThat(ContentStatus.ofKey("PROCESSING")).isEqualTo(ContentStatus.PROCESSING);
    assertThatThrownBy(() -> ContentStatus.ofKey("done")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'done'");
  }

  @Test
  void listingsSortOnlyByCreatedUpdatedOrName() {
    assertThat(KnowledgeContent.checkSortable(PageRequest.of(1, 5, "name", SortOrder.ASC)).sortBy()).isEqualTo("name");
    assertThatThrownBy(() -> KnowledgeContent.checkSortable(PageRequest.of(1, 5, "id", SortOrder.ASC)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created_at, name, updated_at");
  }
}
