package dev.agentry.engine

import dev.agentry.engine.compile.SpecCompiler
import dev.agentry.engine.knowledge.SearchType
import dev.agentry.engine.run.Engine
import dev.agentry.engine.store.KnowledgeContent.ContentStatus
import dev.agentry.engine.store.PageRequest
import dev.agentry.engine.store.SortOrder
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/** Uses a Knowledge from Kotlin: the engine's open knowledge, its contents and a search, with JSpecify nullness. */
class KnowledgeKotlinTest {
  @Test
  fun `indexes inline text and finds it by keyword`(@TempDir dir: Path) {
    Files.writeString(dir.resolve("kb.yaml"), """
      apiVersion: agentry.dev/v1
      kind: Knowledge
      metadata: {name: kb}
      spec:
        description: Notes about bees.
        sources:
          - text: A beekeeper inspects the hives in spring and looks for the queen.
            metadata: {topic: bees}
          - text: Apple trees are pruned in late winter.
            metadata: {topic: orchard}
    """.trimIndent())
    val catalog = SpecCompiler.create().compile(dir).orThrow()
    Engine.create(catalog) { it.dataDir(dir.resolve("data")) }.use { engine ->
      val kb = engine.knowledge("kb").orElseThrow()
      assertThat(kb.awaitIdle(Duration.ofSeconds(30))).isTrue()

      val contents = kb.contents(PageRequest.of(1, 10, "created_at", SortOrder.ASC)).items()
      assertThat(contents.map { it.status() }).containsOnly(ContentStatus.COMPLETED)

      val hits = kb.search("queen hives", SearchType.KEYWORD, mapOf(), null)
      val topics = hits.map { it.chunk().metadata()["topic"] }
      assertThat(topics).first().isEqualTo("bees")
      val none = kb.search("queen hives", null, mapOf("topic" to "orchard"), 5)
      assertThat(none.map { it.chunk().content() }).noneMatch { it.contains("queen") }
    }
  }
}
