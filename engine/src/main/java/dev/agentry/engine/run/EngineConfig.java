package dev.agentry.engine.run;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.knowledge.KnowledgeOpener;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.store.Databases;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.memory.MemorySessionStore;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.ToolkitSettings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The services an {@link Engine} runs with, built from a {@code Consumer<EngineConfig.Builder>}:
 * {@code Engine.create(catalog, c -> c.store(store).baseDir(specRoot))}.
 *
 * @param databases where sessions and runs are kept, by Database id (one in-memory store for every id by default)
 * @param http the HTTP client model providers share
 * @param env reads environment variables (API keys of inline models)
 * @param clock the time runs are stamped with
 * @param baseDir the folder relative paths in toolkit options resolve against (the spec root)
 * @param toolkitOpenTimeout how long opening a toolkit may take when its settings say nothing (an MCP toolkit's
 *     {@code timeout_seconds} does)
 * @param extensions the toolkit kinds, tool plugins and tool hooks (the ones Agentry ships by default); give the
 *     compiler the same ones
 * @param dataDir where embedded knowledge indexes keep their files ({@code data} under the working folder unless set;
 *     the server puts it next to its SQLite database)
 * @param knowledgeOpener opens Knowledge resources instead of the built-in runtime, or null for the built-in one
 * @param instanceId this engine's id among the instances sharing its databases, recorded on every run it stores
 *     (a generated unique id unless set)
 * @param instanceUrl the base URL the other instances reach this one on, advertised with its lease; null for none
 * @param lease how long this instance's lease lasts unless renewed ({@value #DEFAULT_LEASE_SECONDS} s by default): it
 *     is renewed every third of it, and another instance marks this one's runs interrupted once it has ended
 */
public record EngineConfig(
    Databases databases,
    HttpClient http,
    Function<String, @Nullable String> env,
    Clock clock,
    Path baseDir,
    Duration toolkitOpenTimeout,
    Extensions extensions,
    Path dataDir,
    @Nullable KnowledgeOpener knowledgeOpener,
    String instanceId,
    @Nullable String instanceUrl,
    Duration lease) {
  /** The default lease of an instance, in seconds. */
  public static final int DEFAULT_LEASE_SECONDS = 15;

  /** What toolkits are given of the engine's environment. */
  ToolkitSettings.Services toolkitServices() {
    return new ToolkitSettings.Services(baseDir, http, env, extensions);
  }

  ChatModel chatModel(ModelDef model) {
    return Builtins.provider(model.provider()).create(model, http, env);
  }

  /** Collects the settings of an {@link EngineConfig}; every one has a default. */
  public static final class Builder {
    private @Nullable Databases databases;
    private @Nullable HttpClient http;
    private Function<String, @Nullable String> env = System::getenv;
    private Clock clock = Clock.systemDefaultZone();
    private Path baseDir = Path.of("");
    private Extensions extensions = Extensions.defaults();
    private Duration toolkitOpenTimeout = Duration.ofSeconds(30);
    private Path dataDir = Path.of("data");
    private @Nullable KnowledgeOpener knowledgeOpener;
    private @Nullable String instanceId;
    private @Nullable String instanceUrl;
    private Duration lease = Duration.ofSeconds(DEFAULT_LEASE_SECONDS);

    Builder() {}

    /** One store for every database. */
    public Builder store(SessionStore store) {
      this.databases = Databases.of(store);
      return this;
    }

    /** The stores of the databases served, by id; the engine opens those a reload adds. */
    public Builder databases(Databases databases) {
      this.databases = databases;
      return this;
    }

    public Builder http(HttpClient http) {
      this.http = http;
      return this;
    }

    public Builder env(Function<String, @Nullable String> env) {
      this.env = env;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder baseDir(Path baseDir) {
      this.baseDir = baseDir;
      return this;
    }

    public Builder toolkitOpenTimeout(Duration timeout) {
      this.toolkitOpenTimeout = timeout;
      return this;
    }

    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder knowledgeOpener(KnowledgeOpener opener) {
      this.knowledgeOpener = opener;
      return this;
    }

    /** This engine's id among the instances sharing its databases; unique per process (generated by default). */
    public Builder instanceId(String instanceId) {
      if (instanceId.isBlank()) {
        throw new IllegalArgumentException("the instance id must not be blank");
      }
      this.instanceId = instanceId;
      return this;
    }

    /** The base URL the other instances reach this one on, advertised with its lease. */
    public Builder instanceUrl(@Nullable String instanceUrl) {
      this.instanceUrl = instanceUrl;
      return this;
    }

    /** How long this instance's lease lasts unless renewed (at least 300 ms); renewed every third of it. */
    public Builder lease(Duration lease) {
      if (lease.toMillis() < 300) {
        throw new IllegalArgumentException("the lease must last at least 300 ms, not " + lease);
      }
      this.lease = lease;
      return this;
    }

    EngineConfig build() {
      return new EngineConfig(
          databases == null ? Databases.of(MemorySessionStore.create()) : databases,
          http == null ? HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build() : http,
          env, clock, baseDir.toAbsolutePath().normalize(), toolkitOpenTimeout, extensions,
          dataDir.toAbsolutePath().normalize(), knowledgeOpener,
          instanceId != null ? instanceId : Ids.newInstanceId(), instanceUrl, lease);
    }
  }
}
