package dev.agentry.engine;

import dev.agentry.engine.llm.ChatModelFactory;
import dev.agentry.engine.llm.anthropic.AnthropicChatModel;
import dev.agentry.engine.llm.openai.OpenAiChatModel;
import dev.agentry.engine.llm.scripted.ScriptedChatModel;
import dev.agentry.engine.model.NotFoundException;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.StoreFactory;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.memory.MemorySessionStore;
import dev.agentry.engine.store.mongo.MongoSessionStore;
import dev.agentry.engine.store.postgres.PostgresSessionStore;
import dev.agentry.engine.store.sqlite.SqliteSessionStore;
import dev.agentry.engine.tool.ToolFactory;
import dev.agentry.engine.tool.builtin.CalculatorTools;
import dev.agentry.engine.tool.builtin.DateTimeTools;
import dev.agentry.engine.tool.builtin.FileTools;
import dev.agentry.engine.tool.builtin.HttpFetchTools;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The registry of every pluggable type the engine ships, one line per type: model providers by their
 * {@code provider} name, builtin toolkits by their {@code builtin} name, store backends by their URL scheme. To add one, add a line here.
 */
public final class Builtins {
  /** How the database URLs of the store backends are written, for messages. */
  public static final String STORE_URLS =
      "sqlite:PATH, postgresql://HOST/DB (or postgresql+DRIVER://), mongodb://HOST/DB (or mongodb+srv://) or memory:";

  private static final Map<String, ChatModelFactory> PROVIDERS = new LinkedHashMap<>();
  private static final Map<String, ToolFactory> TOOLKITS = new LinkedHashMap<>();
  private static final Map<String, StoreFactory> STORES = new LinkedHashMap<>();

  static {
    PROVIDERS.put("scripted", ScriptedChatModel::create);
    PROVIDERS.put("anthropic", AnthropicChatModel::create);
    for (String openAiCompatible : List.of("openai", "ollama", "openrouter", "groq", "deepseek", "together", "vllm",
        "lmstudio", "azure")) {
      PROVIDERS.put(openAiCompatible, OpenAiChatModel::create);
    }

    TOOLKITS.put("calculator", CalculatorTools::create);
    TOOLKITS.put("datetime", DateTimeTools::create);
    TOOLKITS.put("http_fetch", HttpFetchTools::create);
    TOOLKITS.put("file", FileTools::create);

    STORES.put("sqlite", SqliteSessionStore::open);
    STORES.put("postgresql", PostgresSessionStore::open);
    STORES.put("postgres", PostgresSessionStore::open);
    STORES.put("mongodb", MongoSessionStore::open);
    STORES.put("mongodb+srv", MongoSessionStore::open);
    STORES.put("memory", settings -> MemorySessionStore.create());
  }

  private Builtins() {}

  /** The client factory of a provider. */
  public static ChatModelFactory provider(String name) {
    ChatModelFactory factory = PROVIDERS.get(name);
    if (factory == null) {
      throw new NotFoundException("no client for model provider '" + name + "'");
    }
    return factory;
  }

  /** The factory of a builtin toolkit. */
  public static ToolFactory toolkit(String name) {
    ToolFactory factory = TOOLKITS.get(name);
    if (factory == null) {
      throw new NotFoundException("no builtin toolkit '" + name + "'");
    }
    return factory;
  }

  /**
   * Opens the store a database URL names, chosen by its scheme ({@code sqlite:}, {@code postgresql://},
   * {@code mongodb://}, {@code memory:}).
   *
   * @throws StoreException when the URL names no backend, or the database cannot be reached
   */
  public static SessionStore openStore(StoreSettings settings) {
    StoreFactory factory = store(settings.scheme());
    if (factory == null) {
      throw new StoreException("unsupported database URL '" + settings.maskedUrl() + "': use " + STORE_URLS, false);
    }
    return factory.open(settings);
  }

  /** True when a store backend takes database URLs of {@code scheme} ("sqlite", "postgresql+psycopg", ...). */
  public static boolean isStoreScheme(String scheme) {
    return store(scheme) != null;
  }

  /** The backend of a scheme; SQLAlchemy's {@code postgresql+driver} (as Agno writes it) is PostgreSQL. */
  private static @Nullable StoreFactory store(String scheme) {
    StoreFactory factory = STORES.get(scheme);
    return factory == null && scheme.startsWith("postgresql+") ? STORES.get("postgresql") : factory;
  }

  /** The names of the builtin toolkits. */
  public static Set<String> toolkitNames() {
    return TOOLKITS.keySet();
  }
}
