package dev.agentry.server;

import static dev.agentry.server.AgnoShape.Type.INTEGER;
import static dev.agentry.server.AgnoShape.Type.NUMBER;
import static dev.agentry.server.AgnoShape.Type.OBJECT;
import static dev.agentry.server.AgnoShape.Type.STRING;
import static dev.agentry.server.AgnoShape.listOf;
import static dev.agentry.server.AgnoShape.mapOf;
import static dev.agentry.server.AgnoShape.of;
import static dev.agentry.server.AgnoShape.oneOf;
import static dev.agentry.server.AgnoShape.scalar;

/**
 * The pydantic models of Agno's knowledge router ({@code os/routers/knowledge/schemas.py}, {@code os/schema.py}
 * {@code PaginationInfo}) as {@link AgnoShape}s: what Agno's clients parse from the knowledge routes.
 */
final class AgnoKnowledgeShapes {
  private AgnoKnowledgeShapes() {}

  /** {@code ContentResponseSchema}: {@code id} required, the rest Optional; {@code size} a string. */
  static final AgnoShape CONTENT = AgnoShape.named("ContentResponseSchema")
      .required("id", scalar(STRING)).maybe("name", scalar(STRING)).maybe("description", scalar(STRING))
      .maybe("type", scalar(STRING)).maybe("size", scalar(STRING)).maybe("linked_to", scalar(STRING))
      .maybe("metadata", scalar(OBJECT)).maybe("access_count", scalar(INTEGER))
      .maybe("status", oneOf("processing", "completed", "failed")).maybe("status_message", scalar(STRING))
      .maybe("created_at", scalar(STRING)).maybe("updated_at", scalar(STRING));

  /** {@code ContentStatusResponse}. */
  static final AgnoShape STATUS = AgnoShape.named("ContentStatusResponse")
      .maybe("id", scalar(STRING)).required("status", oneOf("processing", "completed", "failed"))
      .required("status_message", scalar(STRING));

  /** {@code PaginationInfo}. */
  static final AgnoShape META = AgnoShape.named("PaginationInfo")
      .required("page", scalar(INTEGER)).required("limit", scalar(INTEGER)).required("total_pages", scalar(INTEGER))
      .required("total_count", scalar(INTEGER)).maybe("search_time_ms", scalar(NUMBER));

  /** {@code PaginatedResponse[ContentResponseSchema]}. */
  static final AgnoShape CONTENT_PAGE = AgnoShape.named("PaginatedResponse")
      .required("data", listOf(of(CONTENT))).required("meta", of(META));

  /** {@code VectorSearchResult}. */
  static final AgnoShape SEARCH_RESULT = AgnoShape.named("VectorSearchResult")
      .required("id", scalar(STRING)).required("content", scalar(STRING)).maybe("name", scalar(STRING))
      .maybe("meta_data", scalar(OBJECT)).maybe("usage", scalar(OBJECT)).maybe("reranking_score", scalar(NUMBER))
      .maybe("content_id", scalar(STRING)).maybe("content_origin", scalar(STRING)).maybe("size", scalar(INTEGER));

  /** {@code PaginatedResponse[VectorSearchResult]}. */
  static final AgnoShape SEARCH_PAGE = AgnoShape.named("PaginatedResponse")
      .required("data", listOf(of(SEARCH_RESULT))).required("meta", of(META));

  static final AgnoShape READER = AgnoShape.named("ReaderSchema")
      .required("id", scalar(STRING)).maybe("name", scalar(STRING)).maybe("description", scalar(STRING))
      .maybe("chunkers", listOf(scalar(STRING)));

  static final AgnoShape CHUNKER = AgnoShape.named("ChunkerSchema")
      .required("key", scalar(STRING)).maybe("name", scalar(STRING)).maybe("description", scalar(STRING))
      .maybe("metadata", scalar(OBJECT));

  static final AgnoShape VECTOR_DB = AgnoShape.named("VectorDbSchema")
      .required("id", scalar(STRING)).maybe("name", scalar(STRING)).maybe("description", scalar(STRING))
      .maybe("search_types", listOf(scalar(STRING)));

  static final AgnoShape REMOTE_SOURCE = AgnoShape.named("RemoteContentSourceSchema")
      .required("id", scalar(STRING)).required("name", scalar(STRING)).required("type", scalar(STRING))
      .maybe("metadata", scalar(OBJECT)).maybe("prefix", scalar(STRING));

  /** {@code ConfigResponseSchema} of {@code GET /knowledge/config}. */
  static final AgnoShape CONFIG = AgnoShape.named("ConfigResponseSchema")
      .maybe("readers", mapOf(of(READER))).maybe("readersForType", mapOf(listOf(scalar(STRING))))
      .maybe("chunkers", mapOf(of(CHUNKER))).maybe("filters", listOf(scalar(STRING)))
      .maybe("vector_dbs", listOf(of(VECTOR_DB))).maybe("remote_content_sources", listOf(of(REMOTE_SOURCE)));

  /** {@code KnowledgeInstanceConfig} of {@code /config}'s knowledge page. */
  static final AgnoShape KNOWLEDGE_INSTANCE = AgnoShape.named("KnowledgeInstanceConfig")
      .required("id", scalar(STRING)).required("name", scalar(STRING)).maybe("description", scalar(STRING))
      .required("db_id", scalar(STRING)).required("table", scalar(STRING));

  /** {@code KnowledgeDatabaseConfig}. */
  static final AgnoShape KNOWLEDGE_DB = AgnoShape.named("KnowledgeDatabaseConfig")
      .required("db_id", scalar(STRING)).maybe("domain_config", scalar(OBJECT)).maybe("tables", listOf(scalar(STRING)));

  /** {@code KnowledgeConfig} of {@code /config}. */
  static final AgnoShape KNOWLEDGE_PAGE = AgnoShape.named("KnowledgeConfig")
      .maybe("display_name", scalar(STRING)).maybe("dbs", listOf(of(KNOWLEDGE_DB)))
      .maybe("knowledge_instances", listOf(of(KNOWLEDGE_INSTANCE)));
}
