package dev.agentry.server.http;

import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.knowledge.internal.read.Readers;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.server.AgentOs;
import dev.agentry.server.auth.Isolation;
import dev.agentry.server.http.dto.ContentResponse;
import dev.agentry.server.http.dto.KnowledgeConfigResponse;
import dev.agentry.server.http.dto.Paginated;
import dev.agentry.server.http.dto.SearchRequest;
import dev.agentry.server.http.dto.VectorSearchResult;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge routes ({@code agentos-api.md} §2.9) on the engine's open Knowledge resources: upload content (202,
 * then read and indexed in the background), list, get, update and delete it, its status, search, the readers and
 * chunkers on offer, and the remote sources (none: Agentry has no S3, GCS, SharePoint or GitHub sources).
 */
final class KnowledgeHandlers {
  /** The fields {@code GET /knowledge/content} sorts by. */
  static final Set<String> SORTABLE = Set.of("created_at", "updated_at", "name", "type", "size", "status",
      "access_count");

  private final AgentOs os;

  KnowledgeHandlers(AgentOs os) {
    this.os = os;
  }

  void upload(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    Integer chunkSize = form.integer("chunk_size");
    Integer overlap = form.integer("chunk_overlap");
    KnowledgeBase base = select(ctx);
    String text = form.optional("text_content");
    Multipart.Upload file = form.files().stream().filter(f -> f.field().equals("file")).findFirst().orElse(null);
    List<String> urls = urls(form.optional("url"));
    int given = (text != null ? 1 : 0) + (file != null ? 1 : 0) + (urls.isEmpty() ? 0 : 1);
    if (given == 0) {
      throw ApiException.badRequest("No content given: send a file, a url or text_content");
    }
    if (given > 1) {
      throw ApiException.badRequest("Send only one of file, url and text_content");
    }
    String name = form.optional("name");
    String description = form.optional("description");
    Map<String, Object> metadata = Isolation.stampUpload(ctx, uploadMetadata(form.optional("metadata")));
    String readerId = form.optional("reader_id");
    String chunker = form.optional("chunker");
    List<ContentUpload> uploads = new ArrayList<>();
    if (text != null) {
      uploads.add(new ContentUpload(name, description, metadata, null, null, null, null, text, readerId, chunker,
          chunkSize, overlap));
    } else if (file != null) {
      uploads.add(new ContentUpload(name, description, metadata, null, file.bytes(), file.filename(),
          file.contentType(), null, readerId, chunker, chunkSize, overlap));
    } else {
      for (String url : urls) {
        uploads.add(new ContentUpload(name, description, metadata, url, null, null, null, null, readerId, chunker,
            chunkSize, overlap));
      }
    }
    List<KnowledgeContent> added = new ArrayList<>();
    for (ContentUpload upload : uploads) {
      added.add(refused(() -> base.add(upload)));
    }
    ctx.status(202).json(ContentResponse.of(added.getFirst()));
  }

  /** Agno's remote sources (S3, GCS, SharePoint, GitHub): none is configured, so every config_id is unknown. */
  void uploadRemote(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (String field : List.of("config_id", "path")) {
      if (form.optional(field) == null) {
        errors.add(ApiException.error("missing", "body", field, "Field required", null));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    form.integer("chunk_size");
    form.integer("chunk_overlap");
    select(ctx);
    throw ApiException.badRequest("Unknown content source: " + form.required("config_id")
        + ". Check /knowledge/config for available sources.");
  }

  void list(Context ctx) {
    long started = System.nanoTime();
    PageRequest page = Queries.page(ctx, "created_at", SORTABLE);
    KnowledgeBase base = select(ctx);
    ctx.json(Paginated.of(Isolation.user(ctx).isPresent() ? owned(ctx, base, page) : base.contents(page),
        ContentResponse::of, started));
  }

  void get(Context ctx) {
    KnowledgeBase base = select(ctx);
    String id = ctx.pathParam("content_id");
    ctx.json(ContentResponse.of(find(ctx, base, id).orElseThrow(() -> notFound(id))));
  }

  void update(Context ctx) {
    Forms form = Forms.of(ctx, os.settings().maxRequestBytes());
    KnowledgeBase base = select(ctx);
    String id = ctx.pathParam("content_id");
    Map<String, Object> metadata = updateMetadata(form.text("metadata"));
    String readerId = nonBlank(form.text("reader_id"));
    if (readerId != null && Readers.byId(readerId).isEmpty()) {
      throw ApiException.badRequest("Invalid reader_id: " + readerId);
    }
    KnowledgeContent old = find(ctx, base, id).orElseThrow(() -> notFound(id));
    KnowledgeContent content = base.update(id, nonBlank(form.text("name")), nonBlank(form.text("description")),
        Isolation.keepUploader(metadata, old.metadata())).orElseThrow(() -> notFound(id));
    ctx.json(ContentResponse.of(content));
  }

  void delete(Context ctx) {
    KnowledgeBase base = select(ctx);
    String id = ctx.pathParam("content_id");
    find(ctx, base, id).orElseThrow(() -> notFound(id));
    base.delete(id).orElseThrow(() -> notFound(id));
    ctx.json(ContentResponse.deleted(id));
  }

  void deleteAll(Context ctx) {
    KnowledgeBase base = select(ctx);
    if (Isolation.user(ctx).isPresent()) { // a scoped caller deletes its own uploads, not everyone's
      mine(ctx, base, "created_at", dev.agentry.engine.store.SortOrder.ASC).forEach(c -> base.delete(c.id()));
    } else {
      base.deleteAll();
    }
    ctx.json("success");
  }

  /** A content's status; an unknown id is {@code failed} with "Content not found", as Agno answers it. */
  void status(Context ctx) {
    KnowledgeBase base = select(ctx);
    String id = ctx.pathParam("content_id");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    find(ctx, base, id).ifPresentOrElse(content -> {
      body.put("status", content.status().key());
      body.put("status_message", content.statusMessage());
    }, () -> {
      body.put("status", KnowledgeContent.ContentStatus.FAILED.key());
      body.put("status_message", "Content not found");
    });
    ctx.json(body);
  }

  /** Searches, then pages the hits; {@code search_time_ms} in {@code meta} covers the whole request, as Agno's. */
  void search(Context ctx) {
    long started = System.nanoTime();
    SearchRequest request = Queries.body(ctx, SearchRequest.class, true);
    validate(request);
    KnowledgeBase base = KnowledgeInstances.select(os, blank(request.dbId()), blank(request.knowledgeId()));
    if (request.vectorDbIds() != null && !request.vectorDbIds().isEmpty()
        && !request.vectorDbIds().contains(KnowledgeConfigResponse.vectorDbId(base.def()))) {
      throw ApiException.badRequest("None of the provided Vector DB IDs "
          + KnowledgeInstances.pythonList(request.vectorDbIds())
          + " match the knowledge base Vector DB ID " + KnowledgeConfigResponse.vectorDbId(base.def()));
    }
    SearchType type = request.searchType() == null || request.searchType().isBlank() ? null
        : refused(() -> SearchType.of(request.searchType()));
    Map<String, Object> filters = request.filters() == null ? Map.of() : request.filters();
    List<SearchHit> hits = refused(() -> base.search(request.query(), type, filters, request.maxResults()));
    int limit = request.meta() == null || request.meta().limit() == null ? 20 : request.meta().limit();
    int page = request.meta() == null || request.meta().page() == null ? 1 : request.meta().page();
    long from = (long) (page - 1) * limit;
    List<SearchHit> shown = from >= hits.size() ? List.of()
        : hits.subList((int) from, (int) Math.min(from + limit, hits.size()));
    ctx.json(Paginated.of(new dev.agentry.engine.store.Page<>(shown, page, limit, hits.size()),
        VectorSearchResult::of, started));
  }

  void config(Context ctx) {
    KnowledgeBase base = select(ctx);
    ctx.json(KnowledgeConfigResponse.of(base));
  }

  /** The remote content sources of a Knowledge: Agentry has none. */
  void sources(Context ctx) {
    KnowledgeInstances.select(os, Queries.text(ctx, "db_id"), ctx.pathParam("knowledge_id"));
    ctx.json(List.of());
  }

  void sourceFiles(Context ctx) {
    int limit = Queries.integer(ctx, "limit", 100, 1);
    if (limit > 1000) {
      throw Queries.invalid("less_than_equal", "limit", "Input should be less than or equal to 1000",
          ctx.queryParam("limit"), Map.of("le", 1000));
    }
    Queries.integer(ctx, "page", 1, 1);
    KnowledgeInstances.select(os, Queries.text(ctx, "db_id"), ctx.pathParam("knowledge_id"));
    throw ApiException.notFound("Content source not found: " + ctx.pathParam("source_id"));
  }

  /** The content {@code id}, unless the request is scoped to a user who did not upload it. */
  private static java.util.Optional<KnowledgeContent> find(Context ctx, KnowledgeBase base, String id) {
    return base.content(id).filter(c -> Isolation.ownsUpload(ctx, c.metadata()));
  }

  /** A page of the scoped caller's uploads: the listing is read whole and filtered, then paged. */
  private static Page<KnowledgeContent> owned(Context ctx, KnowledgeBase base, PageRequest page) {
    List<KnowledgeContent> mine = mine(ctx, base, page.sortBy(), page.sortOrder());
    int from = Math.min((page.page() - 1) * page.limit(), mine.size());
    return new Page<>(mine.subList(from, Math.min(from + page.limit(), mine.size())), page.page(), page.limit(),
        mine.size());
  }

  /** Every content the scoped caller uploaded, in the listing's order. */
  private static List<KnowledgeContent> mine(Context ctx, KnowledgeBase base, String sortBy,
      dev.agentry.engine.store.SortOrder order) {
    List<KnowledgeContent> mine = new ArrayList<>();
    for (int p = 1; ; p++) {
      Page<KnowledgeContent> batch = base.contents(new PageRequest(p, 1000, sortBy, order));
      batch.items().stream().filter(c -> Isolation.ownsUpload(ctx, c.metadata())).forEach(mine::add);
      if (batch.items().size() < 1000) {
        return mine;
      }
    }
  }

  private KnowledgeBase select(Context ctx) {
    return KnowledgeInstances.select(os, Queries.text(ctx, "db_id"), Queries.text(ctx, "knowledge_id"));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("Content not found: " + id);
  }

  /** Runs a knowledge call whose IllegalArgumentException (no content, an unknown reader or chunker) is a 400. */
  private static <T> T refused(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(Routes.plain(e.getMessage(), "Invalid request"));
    }
  }

  /** FastAPI's 422s for the search body: {@code query} required, {@code max_results} 1..1000, meta at least 1. */
  private static void validate(SearchRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    if (request.query() == null) {
      errors.add(error("missing", List.of("body", "query"), "Field required", null, null));
    }
    Integer max = request.maxResults();
    if (max != null && max < 1) {
      errors.add(error("greater_than_equal", List.of("body", "max_results"),
          "Input should be greater than or equal to 1", max, Map.of("ge", 1)));
    } else if (max != null && max > 1000) {
      errors.add(error("less_than_equal", List.of("body", "max_results"),
          "Input should be less than or equal to 1000", max, Map.of("le", 1000)));
    }
    SearchRequest.Meta meta = request.meta();
    if (meta != null) {
      for (Map.Entry<String, Integer> field : java.util.Arrays.asList(Map.entry("limit", orOne(meta.limit())),
          Map.entry("page", orOne(meta.page())))) {
        if (field.getValue() < 1) {
          errors.add(error("greater_than_equal", List.of("body", "meta", field.getKey()),
              "Input should be greater than or equal to 1", field.getValue(), Map.of("ge", 1)));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  private static int orOne(@Nullable Integer value) {
    return value == null ? 1 : value;
  }

  private static Map<String, Object> error(String type, List<String> loc, String message, @Nullable Object input,
      @Nullable Map<String, Object> context) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("loc", loc);
    error.put("msg", message);
    error.put("input", input);
    if (context != null) {
      error.put("ctx", context);
    }
    return error;
  }

  /** {@code url}: a JSON array of URLs, a JSON string, or the text itself (Agno's parse). */
  static List<String> urls(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return List.of();
    }
    JsonNode node = Json.parse(url);
    if (node != null && node.isArray()) {
      List<String> urls = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isString() || item.asString().isBlank()) {
          throw ApiException.badRequest("Invalid url: a JSON array of url strings is expected");
        }
        urls.add(item.asString().strip());
      }
      return List.copyOf(urls);
    }
    return List.of(node != null && node.isString() ? node.asString().strip() : url.strip());
  }

  /** Upload metadata: a JSON object as it is; any other text kept as {@code {"value": text}} (Agno's rule). */
  static Map<String, Object> uploadMetadata(@Nullable String metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return Map.of();
    }
    JsonNode node = Json.parse(metadata);
    if (node != null && node.isNull()) {
      return Map.of();
    }
    return node != null && node.isObject() ? object(node) : Map.of("value", metadata);
  }

  /** Update metadata: blank leaves it; a JSON object replaces it; anything else is Agno's 400. */
  static @Nullable Map<String, Object> updateMetadata(@Nullable String metadata) {
    if (metadata == null || metadata.isBlank()) {
      return null;
    }
    JsonNode node = Json.parse(metadata);
    if (node == null) {
      throw ApiException.badRequest("Invalid JSON format for metadata");
    }
    if (node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("Invalid metadata: a JSON object is expected");
    }
    return object(node);
  }

  private static Map<String, Object> object(JsonNode node) {
    InputText.check(node, List.of("body", "metadata"));
    return Json.MAPPER.convertValue(node, Json.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class,
        String.class, Object.class));
  }

  private static @Nullable String nonBlank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static @Nullable String blank(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
