package dev.agentry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.store.KnowledgeContent.ContentStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The part of the conformance suite about the contents of Knowledge (Agno's knowledge table): insert or replace by id,
 * the listing of one Knowledge's contents with its order, pages and total, deletion, and status and metadata read back
 * as written. Every backend runs it through {@link SessionStoreContract}, which implements {@link #store()}.
 */
interface KnowledgeContentsContract {
  /** The store under test, empty at the start of each test. */
  SessionStore store();

  /** A content of Knowledge {@code linkedTo}, created and updated at {@code createdAt}. */
  static KnowledgeContent content(String id, String linkedTo, String name, long createdAt) {
    return content(id, linkedTo, name, createdAt, createdAt, Map.of("source", "test"), null);
  }

  static KnowledgeContent content(String id, String linkedTo, String name, long createdAt, long updatedAt,
      Map<String, Object> metadata, @Nullable String externalId) {
    return new KnowledgeContent(id, linkedTo, name, "about " + name, metadata, "pdf", 1234, ContentStatus.PROCESSING,
        "", 0, externalId, createdAt, updatedAt);
  }

  @Test
  default void contentIsSavedFoundReplacedAndDeleted() {
    KnowledgeContent c = content("c1", "docs", "manual.pdf", 100, 100, Map.of("lang", "en"), "spec:docs/manual.pdf");
    store().saveContent(c);
    assertThat(store().findContent("c1")).contains(c);
    assertThat(store().findContent("other")).isEmpty();

    KnowledgeContent done = new KnowledgeContent("c1", "docs", "Manual", "the user manual", Map.of("pages", 12),
        "pdf", 4321, ContentStatus.COMPLETED, "", 3, null, 100, 107);
    store().saveContent(done);
    assertThat(store().findContent("c1")).as("a second save replaces the content as a whole").contains(done);
    assertThat(store().listContents("docs", page(1, 10, "created_at", SortOrder.ASC)).totalCount())
        .as("replaced, not added").isEqualTo(1);

    assertThat(store().deleteContent("c1")).isTrue();
    assertThat(store().deleteContent("c1")).as("second delete").isFalse();
    assertThat(store().findContent("c1")).isEmpty();
    assertThat(store().listContents("docs", page(1, 10, "created_at", SortOrder.ASC)).items()).isEmpty();
  }

  @Test
  default void everyStatusAndItsMessageReadBack() {
    KnowledgeContent c = content("c1", "docs", "a.md", 100);
    for (ContentStatus status : ContentStatus.values()) {
      String message = status == ContentStatus.FAILED ? "cannot read a.md: not a PDF" : "";
      KnowledgeContent saved = c.withStatus(status, message, 100 + status.ordinal());
      store().saveContent(saved);
      KnowledgeContent back = store().findContent("c1").orElseThrow();
      assertThat(back.status()).isEqualTo(status);
      assertThat(back.statusMessage()).isEqualTo(message);
      assertThat(back.updatedAt()).isEqualTo(100 + status.ordinal());
    }
  }

  @Test
  default void nestedMetadataReadsBackAsWritten() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("author", Map.of("name", "Ada", "orcid", "0000-0001"));
    nested.put("tags", List.of("guide", "v2"));
    nested.put("pages", 12);
    nested.put("ratio", 0.5);
    nested.put("draft", false);
    nested.put("chapters", List.of(Map.of("title", "Intro", "page", 1), Map.of("title", "Setup", "page", 4)));
    store().saveContent(content("c1", "docs", "guide.pdf", 100, 100, nested, null));
    store().saveContent(content("c2", "docs", "empty.txt", 101, 101, Map.of(), null));

    assertThat(store().findContent("c1").orElseThrow().metadata()).isEqualTo(nested);
    assertThat(store().findContent("c2").orElseThrow().metadata()).isEmpty();
  }

  @Test
  default void listingFiltersByKnowledgeAndCountsAllPages() {
    for (int i = 1; i <= 5; i++) {
      store().saveContent(content("d" + i, "docs", "doc " + i, 100 + i));
    }
    store().saveContent(content("o1", "other", "other doc", 103));

    Page<KnowledgeContent> first = store().listContents("docs", page(1, 2, "created_at", SortOrder.ASC));
    assertThat(ids(first)).containsExactly("d1", "d2");
    assertThat(first.totalCount()).as("every content of docs, on all pages").isEqualTo(5);
    assertThat(first.page()).isEqualTo(1);
    assertThat(first.limit()).isEqualTo(2);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(ids(store().listContents("docs", page(3, 2, "created_at", SortOrder.ASC)))).containsExactly("d5");
    assertThat(ids(store().listContents("docs", page(4, 2, "created_at", SortOrder.ASC)))).isEmpty();
    assertThat(ids(store().listContents("other", page(1, 10, "created_at", SortOrder.ASC)))).containsExactly("o1");
    Page<KnowledgeContent> none = store().listContents("nobody", page(1, 10, "created_at", SortOrder.ASC));
    assertThat(none.items()).isEmpty();
    assertThat(none.totalCount()).isZero();
  }

  @Test
  default void listingSortsByCreatedUpdatedOrName() {
    store().saveContent(content("a", "docs", "beta.md", 100, 300, Map.of(), null));
    store().saveContent(content("b", "docs", "alpha.md", 200, 250, Map.of(), null));
    store().saveContent(content("c", "docs", "gamma.md", 150, 400, Map.of(), null));

    assertThat(ids(store().listContents("docs", page(1, 10, "created_at", SortOrder.DESC))))
        .containsExactly("b", "c", "a");
    assertThat(ids(store().listContents("docs", page(1, 10, "created_at", SortOrder.ASC))))
        .containsExactly("a", "c", "b");
    assertThat(ids(store().listContents("docs", page(1, 10, "updated_at", SortOrder.ASC))))
        .containsExactly("b", "a", "c");
    assertThat(ids(store().listContents("docs", page(1, 10, "updated_at", SortOrder.DESC))))
        .containsExactly("c", "a", "b");
    assertThat(ids(store().listContents("docs", page(1, 10, "name", SortOrder.ASC))))
        .containsExactly("b", "a", "c");
    assertThat(ids(store().listContents("docs", page(2, 1, "name", SortOrder.DESC))))
        .as("the second page of one, by name descending").containsExactly("a");
  }

  @Test
  default void contentsCreatedInTheSameSecondListInIdOrder() {
    store().saveContent(content("c3", "docs", "x", 100));
    store().saveContent(content("c1", "docs", "x", 100));
    store().saveContent(content("c2", "docs", "x", 100));

    assertThat(ids(store().listContents("docs", page(1, 10, "created_at", SortOrder.ASC))))
        .containsExactly("c1", "c2", "c3");
    assertThat(ids(store().listContents("docs", page(1, 2, "name", SortOrder.DESC)))).containsExactly("c3", "c2");
  }

  @Test
  default void listingByAnotherFieldIsRefusedNamingTheSortableOnes() {
    assertThatThrownBy(() -> store().listContents("docs", page(1, 10, "size", SortOrder.ASC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'size'")
        .hasMessageContaining("created_at, name, updated_at");
  }

  private static PageRequest page(int page, int limit, String sortBy, SortOrder order) {
    return PageRequest.of(page, limit, sortBy, order);
  }

  private static List<String> ids(Page<KnowledgeContent> page) {
    return page.items().stream().map(KnowledgeContent::id).toList();
  }
}
