package dev.agentry.engine.knowledge.internal.pgvector;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.knowledge.StubVectors;
import dev.agentry.engine.store.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Query latency of the pgvector index at 100,000 chunks (run with {@code scripts/bench-pgvector.sh}, which starts
 * the database with {@code scripts/pgvector.sh}): keyword, vector and hybrid search through {@link PgVectorIndex},
 * p50/p99 at concurrency 1 and 8, against the floor to beat on the same table: a ranked {@code ILIKE '%word%'} scan
 * and a {@code to_tsvector(content) @@ query} scan computed per row without an index. The corpus is generated
 * (Zipf-distributed pseudo-words, 60 per chunk), embeddings are {@link StubVectors} of 256 floats, queries are 3
 * mid-frequency words; every query asks for 10 hits. The table is kept between runs and filled only when it holds
 * another number of chunks.
 *
 * <p>Arguments: {@code [chunks] [queries]}, default 100000 and 200 (the floors run at most 20 s per setting).
 */
public final class PgVectorBenchmark {
  private static final int DIMS = 256;
  private static final int WORDS_PER_CHUNK = 60;
  private static final int CHUNKS_PER_CONTENT = 100;
  private static final int LIMIT = 10;
  private static final String TABLE = "bench_chunks";

  private PgVectorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    String url = System.getenv("AGENTRY_PGVECTOR_URL");
    if (url == null || url.isBlank()) {
      System.err.println("AGENTRY_PGVECTOR_URL is not set: run `source scripts/pgvector.sh` first");
      System.exit(2);
    }
    Words words = new Words(new Random(42));
    String table = TABLE + "_" + chunks;
    try (PgVectorIndex index = PgVectorIndex.open(url, table, DIMS)) {
      if (index.count() != chunks) {
        load(index, url, table, words, chunks);
      }
      analyze(url, table);
      Random random = new Random(7);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < Math.max(queries, 400); i++) {
        texts.add(words.query(random));
      }
      System.out.printf(Locale.ROOT, "%,d chunks, %d dims, limit %d; latency in ms%n", chunks, DIMS, LIMIT);
      System.out.printf(Locale.ROOT, "%-22s %5s %8s %8s %8s %8s%n", "search", "conc", "queries", "p50", "p99",
          "qps");
      for (SearchType type : SearchType.values()) {
        for (int concurrency : new int[] {1, 8}) {
          report(type.key(), concurrency, measure(texts, queries, concurrency, 600, text -> {
            float[] vector = type == SearchType.KEYWORD ? null : StubVectors.embed(text, DIMS);
            return index.search(new SearchQuery(text, vector, type, Map.of(), LIMIT)).size();
          }));
        }
      }
      for (Floor floor : Floor.values()) {
        for (int concurrency : new int[] {1, 8}) {
          report(floor.label, concurrency, measure(texts, queries, concurrency, 20, floor.query(url, table)));
        }
      }
    }
  }

  /**
   * Fills the table: through {@link PgVectorIndex#replace} (100 chunks a call, every index maintained on insert) up
   * to 2,000 chunks; above, in bulk (indexes dropped, batched inserts, then HNSW and GIN built once, as one would
   * load 100,000 chunks), since inserting one by one into HNSW takes too long on a shared 2-core machine.
   */
  private static void load(PgVectorIndex index, String url, String table, Words words, int chunks)
      throws SQLException {
    index.deleteAll();
    Random random = new Random(1);
    long start = System.nanoTime();
    boolean bulk = chunks > 2_000;
    PgTableName name = PgTableName.of(table);
    try (Connection connection = connect(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true")) {
      if (bulk) {
        for (String suffix : List.of("embedding_hnsw", "content_tsv_gin", "meta_data_gin")) {
          connection.createStatement().execute("DROP INDEX IF EXISTS " + name.index(suffix));
        }
      }
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name.sql()
          + " (id, name, meta_data, content, content_id, position, embedding) VALUES (?, ?, ?::jsonb, ?, ?, ?, "
          + "?::vector)")) {
        for (int content = 0; content * CHUNKS_PER_CONTENT < chunks; content++) {
          List<Chunk> batch = new ArrayList<>();
          for (int i = 0; i < CHUNKS_PER_CONTENT && content * CHUNKS_PER_CONTENT + i < chunks; i++) {
            String text = words.chunk(random);
            batch.add(new Chunk("d" + content + "_" + i, "d" + content, "doc " + content + ".md", text,
                Map.of("doc", content, "part", i % 4), i, StubVectors.embed(text, DIMS)));
          }
          if (!bulk) {
            index.replace("d" + content, batch);
            continue;
          }
          for (Chunk chunk : batch) {
            insert.setString(1, chunk.id());
            insert.setString(2, chunk.name());
            insert.setString(3, "{\"doc\": " + content + ", \"part\": " + chunk.metadata().get("part") + "}");
            insert.setString(4, chunk.content());
            insert.setString(5, chunk.contentId());
            insert.setInt(6, chunk.position());
            insert.setString(7, PgVectors.text(chunk.embedding()));
            insert.addBatch();
          }
          if (content % 10 == 9) {
            insert.executeBatch();
            connection.commit();
          }
        }
        insert.executeBatch();
        connection.commit();
      }
      double inserted = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "load: %,d chunks %s in %.1f s (%.0f chunks/s)%n", chunks,
          bulk ? "by batched INSERT, no indexes" : "through replace(), indexes maintained", inserted,
          chunks / inserted);
      if (bulk) {
        connection.setAutoCommit(true);
        connection.createStatement().execute("SET maintenance_work_mem = '1GB'");
        long built = System.nanoTime();
        connection.createStatement().execute("CREATE INDEX " + name.index("embedding_hnsw") + " ON " + name.sql()
            + " USING hnsw (embedding vector_cosine_ops)");
        double hnsw = (System.nanoTime() - built) / 1e9;
        built = System.nanoTime();
        connection.createStatement().execute("CREATE INDEX " + name.index("content_tsv_gin") + " ON " + name.sql()
            + " USING gin (content_tsv)");
        connection.createStatement().execute("CREATE INDEX " + name.index("meta_data_gin") + " ON " + name.sql()
            + " USING gin (meta_data jsonb_path_ops)");
        System.out.printf(Locale.ROOT, "index build: HNSW %.1f s, both GIN %.1f s%n", hnsw,
            (System.nanoTime() - built) / 1e9);
      }
    }
  }

  private static void analyze(String url, String table) throws SQLException {
    try (Connection connection = connect(url)) {
      connection.createStatement().execute("VACUUM ANALYZE " + table);
    }
  }

  static Connection connect(String url) throws SQLException {
    PostgresUrl parsed = PostgresUrl.parse(url);
    return DriverManager.getConnection(parsed.jdbcUrl(), parsed.user(), parsed.password());
  }

  /** Runs {@code queries} searches (fewer when {@code seconds} pass first) on {@code concurrency} threads. */
  private static long[] measure(List<String> texts, int queries, int concurrency, int seconds,
      Function<String, Integer> search) throws Exception {
    for (int i = 0; i < Math.min(5, queries); i++) {
      search.apply(texts.get(texts.size() - 1 - i)); // warm up: plans, caches, JIT
    }
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < concurrency; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<Long> latencies = new ArrayList<>();
          for (int q = thread; q < queries && System.nanoTime() < deadline; q += concurrency) {
            long start = System.nanoTime();
            search.apply(texts.get(q));
            latencies.add(System.nanoTime() - start);
          }
          return latencies;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> future : futures) {
        all.addAll(future.get());
      }
      long wall = System.nanoTime() - started;
      long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
      long[] result = Arrays.copyOf(sorted, sorted.length + 1);
      result[sorted.length] = wall;
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(String label, int concurrency, long[] measured) {
    long[] latencies = Arrays.copyOf(measured, measured.length - 1);
    long wall = measured[measured.length - 1];
    System.out.printf(Locale.ROOT, "%-22s %5d %8d %8.2f %8.2f %8.1f%n", label, concurrency, latencies.length,
        percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6, latencies.length / (wall / 1e9));
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** The scans without an index that the index has to beat, ranked like it, top 10. */
  private enum Floor {
    ILIKE("floor: ILIKE scan"),
    TSVECTOR("floor: tsvector scan");

    final String label;

    Floor(String label) {
      this.label = label;
    }

    Function<String, Integer> query(String url, String table) {
      ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
        try {
          return connect(url);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      return text -> {
        String[] words = text.split(" ");
        String sql;
        if (this == ILIKE) {
          StringBuilder score = new StringBuilder();
          StringBuilder any = new StringBuilder();
          for (int i = 0; i < words.length; i++) {
            score.append(i == 0 ? "" : " + ").append("(content ILIKE ?)::int");
            any.append(i == 0 ? "" : " OR ").append("content ILIKE ?");
          }
          sql = "SELECT id, content, " + score + " AS s FROM " + table + " WHERE " + any
              + " ORDER BY s DESC, id LIMIT " + LIMIT;
        } else {
          sql = "SELECT id, content, ts_rank_cd(to_tsvector('english', content), q) AS s FROM " + table
              + ", to_tsquery('english', ?) q WHERE to_tsvector('english', content) @@ q ORDER BY s DESC, id LIMIT "
              + LIMIT;
        }
        try (PreparedStatement select = connections.get().prepareStatement(sql)) {
          if (this == ILIKE) {
            for (int i = 0; i < words.length; i++) {
              select.setString(i + 1, "%" + words[i] + "%");
              select.setString(words.length + i + 1, "%" + words[i] + "%");
            }
          } else {
            select.setString(1, PgSearchSql.anyWord(text));
          }
          int rows = 0;
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              rows++;
            }
          }
          return rows;
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      };
    }
  }

  /** A vocabulary of 20,000 pronounceable pseudo-words drawn with Zipf's law (s = 1), as words in prose are. */
  private static final class Words {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tu", "sa", "vel", "no", "ri", "dan", "po",
        "gel", "fi", "mar", "te", "zu", "bro", "lin", "qua", "sto"};
    private final String[] vocabulary = new String[20_000];
    private final double[] cumulative = new double[vocabulary.length];

    Words(Random random) {
      double total = 0;
      for (int i = 0; i < vocabulary.length; i++) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int s = 0; s < syllables; s++) {
          word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        vocabulary[i] = word.toString() + (char) ('a' + i % 26) + (char) ('a' + (i / 26) % 26);
        total += 1.0 / (i + 1);
        cumulative[i] = total;
      }
      for (int i = 0; i < cumulative.length; i++) {
        cumulative[i] /= total;
      }
    }

    String word(Random random) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble());
      return vocabulary[Math.min(vocabulary.length - 1, at < 0 ? -at - 1 : at)];
    }

    String chunk(Random random) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < WORDS_PER_CHUNK; i++) {
        text.append(i == 0 ? "" : i % 12 == 0 ? ". " : " ").append(word(random));
      }
      return text.append('.').toString();
    }

    /** Three words of mid frequency (ranks 50 to 2,000), as a searcher's distinctive terms. */
    String query(Random random) {
      return vocabulary[50 + random.nextInt(1_950)] + " " + vocabulary[50 + random.nextInt(1_950)] + " "
          + vocabulary[50 + random.nextInt(1_950)];
    }
  }
}
