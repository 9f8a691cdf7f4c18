package dev.agentry.engine.bench;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.knowledge.StubVectors;
import dev.agentry.engine.knowledge.internal.lucene.LuceneIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Benchmark (not a test) of the knowledge index: ingest of 10,000 generated Markdown documents (about 50 MB, split
 * into about 100,000 chunks of at most 500 characters) keyword-only and with 256-dimension embeddings from an
 * in-process stub, as documents per second and peak heap; then keyword, vector and hybrid query latency (p50, p99) on
 * the embedded index at concurrency 1 and 8. Run it with {@code scripts/bench-knowledge.sh}.
 *
 * <p>Arguments: {@code --index=lucene|memory|<name>} (see {@link BenchIndexes}), {@code --docs=N},
 * {@code --queries=N} per round, {@code --rounds=N}, {@code --dims=N}, {@code --dir=PATH} for the documents, {@code --index-dir=PATH} for
 * Lucene's folders.
 */
public final class KnowledgeBenchmark {
  static final int CHUNK_SIZE = 500;
  private static final int LIMIT = 10;

  private KnowledgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String indexName = options.getOrDefault("index", "lucene");
    int docs = Integer.parseInt(options.getOrDefault("docs", "10000"));
    int queries = Integer.parseInt(options.getOrDefault("queries", "2000"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    int dims = Integer.parseInt(options.getOrDefault("dims", "256"));
    Path dir = Path.of(options.getOrDefault("dir", Files.createTempDirectory("agentry-knowledge-docs").toString()));

    long bytes = MarkdownCorpus.write(dir, docs);
    System.out.printf(Locale.ROOT, "corpus: %d Markdown documents, %.1f MB in %s%n", docs, bytes / 1e6, dir);
    Path indexDir = Path.of(options.getOrDefault("index-dir",
        Files.createTempDirectory("agentry-knowledge-index").toString()));
    try (BenchIndexes indexes = indexes(indexName, indexDir)) {
      try (KnowledgeIndex keyword = indexes.open("bench_keyword", 0)) {
        ingest("keyword-only", keyword, dir, 0);
      }
      try (KnowledgeIndex hybrid = indexes.open("bench_vector", dims)) {
        ingest("embeddings " + dims + "d", hybrid, dir, dims);
        List<String> texts = MarkdownCorpus.queries(queries, 7);
        for (SearchType type : SearchType.values()) {
          for (int concurrency : new int[] {1, 8}) {
            measure(hybrid, type, concurrency, texts, dims, rounds);
          }
        }
      }
    }
  }

  private static BenchIndexes indexes(String name, Path indexDir) throws ReflectiveOperationException {
    return switch (name) {
      case "lucene" -> (indexName, dimensions) -> LuceneIndex.open(indexDir.resolve(indexName), dimensions);
      case "memory" -> (indexName, dimensions) -> LuceneIndex.open(null, dimensions);
      default -> (BenchIndexes) Class.forName("dev.agentry.engine.bench."
          + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "BenchIndexes")
          .getConstructor().newInstance();
    };
  }

  private static void ingest(String label, KnowledgeIndex index, Path dir, int dims) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    long chunks = 0;
    for (Path file : files) {
      String contentId = file.getFileName().toString();
      List<Chunk> contentChunks = split(contentId, Files.readString(file), dims);
      chunks += contentChunks.size();
      index.replace(contentId, contentChunks);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(Locale.ROOT, "ingest %s: %d docs, %d chunks in %.1f s = %.0f docs/s (%.0f chunks/s); "
        + "peak heap used %.0f MB (max %.0f MB); index count %d%n", label, files.size(), chunks, seconds,
        files.size() / seconds, chunks / seconds, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6, index.count());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  /** Fixed-size chunks of at most {@link #CHUNK_SIZE} characters, cut at the last blank before the limit. */
  static List<Chunk> split(String contentId, String text, int dims) {
    List<Chunk> chunks = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int to = Math.min(text.length(), from + CHUNK_SIZE);
      if (to < text.length()) {
        int blank = text.lastIndexOf(' ', to);
        if (blank > from + CHUNK_SIZE / 2) {
          to = blank;
        }
      }
      String piece = text.substring(from, to).strip();
      if (!piece.isEmpty()) {
        int position = chunks.size();
        Map<String, Object> metadata = Map.of("chunk", position + 1, "chunk_size", piece.length(),
            "group", "g" + Math.floorMod(contentId.hashCode(), 10));
        chunks.add(new Chunk(contentId + "_" + (position + 1), contentId, contentId, piece, metadata, position,
            dims > 0 ? StubVectors.embed(piece, dims) : null));
      }
      from = to;
    }
    return chunks;
  }

  private static void measure(KnowledgeIndex index, SearchType type, int concurrency, List<String> texts, int dims,
      int rounds) throws Exception {
    List<SearchQuery> queries = texts.stream().map(t -> new SearchQuery(t,
        type == SearchType.KEYWORD ? null : StubVectors.embed(t, dims), type, Map.of(), LIMIT)).toList();
    run(index, queries.subList(0, Math.min(queries.size(), 300)), concurrency); // warm-up
    double[] p50 = new double[rounds];
    double[] p99 = new double[rounds];
    double[] qps = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      double[] millis = run(index, queries, concurrency);
      qps[round] = queries.size() / ((System.nanoTime() - start) / 1e9);
      Arrays.sort(millis);
      p50[round] = millis[millis.length / 2];
      p99[round] = millis[(int) Math.ceil(millis.length * 0.99) - 1];
    }
    System.out.printf(Locale.ROOT, "query %-7s concurrency %d: p50 %.2f ms, p99 %.2f ms, %.0f queries/s "
        + "(medians of %d rounds of %d queries, limit %d)%n", type.key(), concurrency, median(p50), median(p99),
        median(qps), rounds, queries.size(), LIMIT);
  }

  private static double[] run(KnowledgeIndex index, List<SearchQuery> queries, int concurrency) throws Exception {
    double[] millis = new double[queries.size()];
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
            long start = System.nanoTime();
            if (index.search(queries.get(i)).isEmpty() && queries.get(i).type() != SearchType.KEYWORD) {
              throw new IllegalStateException("no hit for " + queries.get(i).text());
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
    return millis;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static Map<String, String> options(String[] args) {
    java.util.HashMap<String, String> options = new java.util.HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("arguments are --name=value, got " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  /** The generated corpus: deterministic Markdown over a Zipf-distributed made-up vocabulary. */
  static final class MarkdownCorpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "to", "sa", "vi", "dor", "ne", "pu", "al",
        "ex", "qui", "zo", "ber", "tan", "fi", "gro", "hul", "ja"};
    private static final String[] WORDS = vocabulary(5000);

    private MarkdownCorpus() {}

    private static String[] vocabulary(int size) {
      Random random = new Random(16);
      java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
      while (words.size() < size) {
        StringBuilder word = new StringBuilder();
        for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
          word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        words.add(word.toString());
      }
      return words.toArray(String[]::new);
    }

    /** A Zipf-like word: rank r is drawn with probability about 1 / r. */
    private static String word(Random random) {
      double u = random.nextDouble();
      int rank = (int) Math.floor(Math.pow(WORDS.length + 1, u)) - 1;
      return WORDS[Math.min(WORDS.length - 1, Math.max(0, rank))];
    }

    private static String sentence(Random random, int words) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < words; i++) {
        text.append(i == 0 ? "" : " ").append(word(random));
      }
      return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    /** Writes {@code docs} documents of about 5 KB each; returns the bytes written. */
    static long write(Path dir, int docs) throws IOException {
      Files.createDirectories(dir);
      long bytes = 0;
      for (int d = 0; d < docs; d++) {
        Random random = new Random(1_000_003L * d);
        StringBuilder md = new StringBuilder("# ").append(sentence(random, 4)).append("\n\n");
        while (md.length() < 5000) {
          md.append("## ").append(sentence(random, 3)).append("\n\n");
          for (int p = 0; p < 3; p++) {
            for (int s = 0, n = 2 + random.nextInt(4); s < n; s++) {
              md.append(sentence(random, 6 + random.nextInt(12))).append(' ');
            }
            md.append("\n\n");
          }
          md.append("- ").append(sentence(random, 5)).append("\n- ").append(sentence(random, 5)).append("\n\n");
        }
        byte[] content = md.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(dir.resolve(String.format(Locale.ROOT, "doc-%05d.md", d)), content);
        bytes += content.length;
      }
      return bytes;
    }

    /** Query texts of 2 to 4 words drawn like the documents' words. */
    static List<String> queries(int count, long seed) {
      Random random = new Random(seed);
      List<String> queries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0, n = 2 + random.nextInt(3); w < n; w++) {
          text.append(w == 0 ? "" : " ").append(word(random));
        }
        queries.add(text.toString());
      }
      return queries;
    }
  }
}
