package dev.agentry.server.http;

import static dev.agentry.server.http.OpenApi.obj;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the operations of {@link OpenApi} take besides their path parameters: the form fields of the run routes
 * ({@code agentos-api.md} §2.2, §2.3, §2.5.1) and the query parameters the handlers read, keyed by
 * {@code "METHOD path"}, where the agent, team and workflow run routes share {@code /{component}} (their continues
 * differ: a team's sends {@code requirements}, a workflow's {@code step_requirements}). Kept beside the handlers' own parsing ({@link RunHandlers}, {@link Forms}): whoever adds a field there adds it here.
 */
final class OpenApiInputs {
  /** How a route answers: JSON, JSON or SSE (the {@code stream} field), always SSE, or a web page. */
  enum Answer { JSON, JSON_OR_SSE, SSE, HTML }

  private static final String CREATE = "POST /{component}/runs";
  private static final String CONTINUE = "POST /{component}/runs/{run_id}/continue";
  private static final String TEAM_CONTINUE = "POST /teams/{team_id}/runs/{run_id}/continue";
  private static final String WORKFLOW_CONTINUE = "POST /workflows/{workflow_id}/runs/{run_id}/continue";
  private static final String RESUME = "POST /{component}/runs/{run_id}/resume";
  private static final java.util.regex.Pattern COMPONENT =
      java.util.regex.Pattern.compile(" /(agents/\\{agent_id}|teams/\\{team_id}|workflows/\\{workflow_id})/");
  private static final String ANSWER_FIELDS = "confirmed, result or user input";

  private static final Map<String, Map<String, Object>> FORMS = Map.of(
      CREATE, obj(
          "message", field("string",
              "The user's message (a JSON object when the agent, team or workflow declares an input schema)"),
          "stream", flag(true, "Stream the run as server-sent events"),
          "session_id", field("string", "The session to continue; a new one when absent or empty"),
          "user_id", field("string", "The user the run belongs to"),
          "files", files(),
          "background", flag(false, "Run detached: 202 with the run id (stream=false), or a resumable stream"),
          "stream_events", flag(null, "Stream every intermediate event (default true when streaming)"),
          "session_state", json("The session state, a JSON object"),
          "dependencies", json("Dependencies for the instructions' placeholders, a JSON object"),
          "metadata", json("Metadata stored with the run, a JSON object"),
          "output_schema", json("A JSON Schema the answer must follow"),
          "images", json("Images: a JSON list of {url | content (base64), mime_type, format, detail, id}"),
          "audio", json("Audio: a JSON list of {url | content (base64), mime_type, format, id}"),
          "videos", json("Videos: a JSON list of {url | content (base64), mime_type, format, id}"),
          "input_files", json("Documents: a JSON list of {url | content (base64; the text for text/*), mime_type, "
              + "filename, format, id}")),
      CONTINUE, continueForm("tools", "JSON list of the paused tool executions, with " + ANSWER_FIELDS),
      TEAM_CONTINUE, continueForm("requirements", "JSON list of the paused run's requirements (a member's too), "
          + "their tool_execution with " + ANSWER_FIELDS + ", or confirmation / external_execution_result set"),
      WORKFLOW_CONTINUE, continueForm("step_requirements", "JSON list of the paused workflow's step_requirements "
          + "(from WorkflowPaused), with confirmed, user_input, selected_choices or executor_requirements answered"),
      RESUME, obj(
          "last_event_index", obj("type", "integer", "minimum", 0,
              "description", "The last event index received; the stream resumes after it (from the start when absent)"),
          "session_id", field("string", "The session of the run (to replay a finished run from the database)")),
      "POST /knowledge/content", obj(
          "name", field("string", "The content's name (the file name or URL when absent)"),
          "description", field("string", "What the content is about"),
          "url", field("string", "A URL to read, or a JSON list of URLs (one content each)"),
          "metadata", field("string", "A JSON object stored with the content and its chunks; other text is kept "
              + "as {\"value\": text}"),
          "file", obj("type", "string", "contentMediaType", "application/octet-stream",
              "description", "A file to read (multipart only)"),
          "text_content", field("string", "Text to index"),
          "reader_id", field("string", "A reader of GET /knowledge/config instead of the one the type chooses"),
          "chunker", field("string", "A chunker of GET /knowledge/config instead of the Knowledge's"),
          "chunk_size", field("integer", "Chunk size in characters"),
          "chunk_overlap", field("integer", "Characters shared by consecutive chunks")),
      "PATCH /knowledge/content/{content_id}", obj(
          "name", field("string", "The new name (blank leaves it)"),
          "description", field("string", "The new description (blank leaves it)"),
          "metadata", field("string", "The new metadata, a JSON object (400 otherwise)"),
          "reader_id", field("string", "A reader of GET /knowledge/config (400 for another)")),
      "POST /knowledge/remote-content", obj(
          "config_id", field("string", "A remote content source of GET /knowledge/config (none is configured)"),
          "path", field("string", "A file or folder path in the source")));

  private static final List<Map<String, Object>> KNOWLEDGE = List.of(
      query("db_id", false, "The database of the Knowledge (when only one Knowledge keeps its contents there)"),
      query("knowledge_id", false, "The Knowledge (its resource name; needed when several are served)"));

  private static final Map<String, List<Map<String, Object>>> QUERIES = Map.ofEntries(
      Map.entry("POST /knowledge/content", KNOWLEDGE),
      Map.entry("POST /knowledge/remote-content", KNOWLEDGE),
      Map.entry("GET /knowledge/content", java.util.stream.Stream.concat(KNOWLEDGE.stream(), java.util.stream.Stream.of(
          query("limit", false, "Contents a page (20)"), query("page", false, "1-based page (1)"),
          query("sort_by", false, "created_at (default), updated_at, name, type, size, status or access_count"),
          query("sort_order", false, "asc or desc (default)"))).toList()),
      Map.entry("DELETE /knowledge/content", KNOWLEDGE),
      Map.entry("GET /knowledge/content/{content_id}", KNOWLEDGE),
      Map.entry("PATCH /knowledge/content/{content_id}", KNOWLEDGE),
      Map.entry("DELETE /knowledge/content/{content_id}", KNOWLEDGE),
      Map.entry("GET /knowledge/content/{content_id}/status", KNOWLEDGE),
      Map.entry("GET /knowledge/config", KNOWLEDGE),
      Map.entry("GET /knowledge/{knowledge_id}/sources", List.of(KNOWLEDGE.getFirst())),
      Map.entry("GET /{component}/runs", List.of(query("session_id", true, "The session whose runs are listed"),
          query("status", false,
              "Only runs with this status (PENDING, RUNNING, COMPLETED, PAUSED, CANCELLED, ERROR)"))),
      Map.entry("GET /{component}/runs/{run_id}", List.of(query("session_id", true, "The session of the run"))));

  private OpenApiInputs() {}

  /** The form fields of a run route as a JSON Schema object, or null when the route takes no form. */
  static @Nullable Map<String, Object> form(Routes.Route route) {
    Map<String, Object> properties = FORMS.get(key(route));
    if (properties == null) {
      return null;
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (properties.containsKey("message")) {
      schema.put("required", List.of("message"));
    } else if (properties.containsKey("config_id")) {
      schema.put("required", List.of("config_id", "path"));
    }
    return schema;
  }

  /** The query parameters a route reads. */
  static List<Map<String, Object>> query(Routes.Route route) {
    return QUERIES.getOrDefault(key(route), List.of());
  }

  /** The content types a route answers with. */
  static Answer answer(Routes.Route route) {
    return switch (key(route)) {
      case CREATE, CONTINUE, TEAM_CONTINUE -> Answer.JSON_OR_SSE;
      case RESUME -> Answer.SSE;
      case "GET /docs" -> Answer.HTML;
      default -> Answer.JSON;
    };
  }

  private static String key(Routes.Route route) {
    String key = route.method().name() + " " + route.path();
    return FORMS.containsKey(key) ? key : COMPONENT.matcher(key).replaceFirst(" /{component}/");
  }

  private static Map<String, Object> continueForm(String answers, String description) {
    return obj(
        answers, field("string", description),
        "session_id", field("string", "The session of the run (required: 400 when absent)"),
        "stream", flag(true, "Stream the continued run as server-sent events"),
        "background", flag(false, "Continue detached: 202 with the run id (stream=false), or a resumable stream "
            + "whose event_index goes on from the paused part's"));
  }

  private static Map<String, Object> field(String type, String description) {
    return obj("type", type, "description", description);
  }

  private static Map<String, Object> flag(@Nullable Boolean absent, String description) {
    Map<String, Object> flag = new LinkedHashMap<>();
    flag.put("type", "boolean");
    if (absent != null) {
      flag.put("default", absent);
    }
    flag.put("description", description);
    return flag;
  }

  private static Map<String, Object> json(String description) {
    return obj("type", "string", "contentMediaType", "application/json", "description", description);
  }

  private static Map<String, Object> files() {
    return obj("type", "array", "items", obj("type", "string", "contentMediaType", "application/octet-stream"),
        "description", "Uploaded files (multipart only), sorted by Content-Type (or extension) into images, audio, "
        + "videos and documents; any other type is a 400. A medium the agent's model does not take is a 400 "
        + "before the run starts; a body over the size limit is a 413");
  }

  private static Map<String, Object> query(String name, boolean required, String description) {
    return obj("name", name, "in", "query", "required", required, "description", description,
        "schema", obj("type", "string"));
  }
}
