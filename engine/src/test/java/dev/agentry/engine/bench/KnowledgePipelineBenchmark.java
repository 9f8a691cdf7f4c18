package dev.agentry.engine.bench;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.knowledge.EmbeddingsStub;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.sqlite.SqliteSessionStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Ingest through the whole knowledge runtime, as a server does at start: a Knowledge whose source is a folder of
 * generated Markdown documents ({@link KnowledgeBenchmark.MarkdownCorpus}), read by the Markdown reader, split by the
 * Markdown chunker (500 characters), its contents recorded in SQLite and its chunks indexed by Lucene; keyword-only,
 * then with 256-dimension embeddings from {@link EmbeddingsStub} over HTTP. Prints documents per second (from the
 * engine's start to the last content completed) and the peak heap. Arguments: {@code --docs=10000}.
 */
public final class KnowledgePipelineBenchmark {
  private KnowledgePipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int docs = args.length > 0 ? Integer.parseInt(args[0].replace("--docs=", "")) : 10_000;
    Path root = Files.createTempDirectory("agentry-knowledge-pipeline");
    try (EmbeddingsStub stub = EmbeddingsStub.start(256)) {
      ingest(root.resolve("keyword"), "keyword-only", "", "", docs);
      ingest(root.resolve("embeddings"), "embeddings 256d (stub over HTTP)", """
            embedder: {model: embed, dimensions: 256}
            vector_db: {search_type: hybrid}
          """, model(stub), docs);
    }
  }

  private static String model(EmbeddingsStub stub) {
    return """
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: embed}
        spec: {provider: openai, id: text-embedding-3-small, base_url: "%s", api_key: sk-bench}
        """.formatted(stub.baseUrl());
  }

  private static void ingest(Path run, String label, String extra, String model, int docs) throws Exception {
    long bytes = KnowledgeBenchmark.MarkdownCorpus.write(run.resolve("docs"), docs);
    System.out.printf(Locale.ROOT, "corpus: %d Markdown documents, %.1f MB%n", docs, bytes / 1e6);
    if (!model.isEmpty()) {
      Files.writeString(run.resolve("embed.yaml"), model);
    }
    Files.writeString(run.resolve("kb.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Knowledge
        metadata: {name: kb}
        spec:
          sources:
            - path: docs/
          chunking: {strategy: markdown, chunk_size: 500}
        %s""".formatted(extra));
    Catalog catalog = SpecCompiler.create().compile(run).orThrow();
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    try (SqliteSessionStore store = SqliteSessionStore.open(StoreSettings.of("sqlite:" + run.resolve("agentry.db")));
        Engine engine = Engine.create(catalog, c -> c.store(store).baseDir(run).dataDir(run.resolve("data")))) {
      KnowledgeBase kb = engine.knowledge("kb").orElseThrow();
      if (!kb.awaitIdle(Duration.ofHours(1))) {
        throw new IllegalStateException("not indexed within an hour");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      List<KnowledgeContent> page = kb.contents(PageRequest.of(1, 1, "created_at", SortOrder.ASC)).items();
      long total = kb.contents(PageRequest.of(1, 1, "created_at", SortOrder.ASC)).totalCount();
      System.out.printf(Locale.ROOT, "pipeline %s: %d contents (%s) in %.1f s = %.0f docs/s; peak heap used %.0f MB"
          + " (max %.0f MB)%n", label, total, page.isEmpty() ? "none" : page.getFirst().status().key(), seconds,
          docs / seconds, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
