package dev.agentry.engine.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.KnowledgeContent.ContentStatus;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.internal.StoreJson;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The {@code {prefix}knowledge} collection, Agno's knowledge table: one document per content of a Knowledge
 * ({@code _id} = content id), its metadata a subdocument, its status the API's lowercase word. A save replaces the
 * document as a whole, inserting it when there is none.
 */
final class ContentCollection {
  private static final Map<String, String> SORT_FIELDS = Map.of("created_at", "created_at", "updated_at",
      "updated_at", "name", "name");

  private final MongoCollection<BsonDocument> contents;

  ContentCollection(MongoCollection<BsonDocument> contents) {
    this.contents = contents;
  }

  Optional<KnowledgeContent> find(String contentId) {
    return Optional.ofNullable(contents.find(Filters.eq("_id", contentId)).first()).map(ContentCollection::decode);
  }

  void save(KnowledgeContent c) {
    Upserts.replace(contents, c.id(), encode(c));
  }

  boolean delete(String contentId) {
    return contents.deleteOne(Filters.eq("_id", contentId)).getDeletedCount() == 1;
  }

  Page<KnowledgeContent> list(String linkedTo, PageRequest page) {
    KnowledgeContent.checkSortable(page);
    return Listing.page(contents, Filters.eq("linked_to", linkedTo), null, page, SORT_FIELDS.get(page.sortBy()),
        ContentCollection::decode);
  }

  private static BsonDocument encode(KnowledgeContent c) {
    return new BsonDocument("_id", new BsonString(c.id()))
        .append("name", new BsonString(c.name()))
        .append("description", new BsonString(c.description()))
        .append("metadata", BsonTrees.toDocument(StoreJson.tree(c.metadata())))
        .append("type", new BsonString(c.type()))
        .append("size", new BsonInt64(c.size()))
        .append("linked_to", new BsonString(c.linkedTo()))
        .append("access_count", new BsonInt64(c.accessCount()))
        .append("status", new BsonString(c.status().key()))
        .append("status_message", new BsonString(c.statusMessage()))
        .append("created_at", new BsonInt64(c.createdAt()))
        .append("updated_at", new BsonInt64(c.updatedAt()))
        .append("external_id", BsonTrees.string(c.externalId()));
  }

  /** A document as a content; the fields Agno leaves null read as empty, zero or processing. */
  private static KnowledgeContent decode(BsonDocument d) {
    BsonValue metadata = d.get("metadata");
    String status = BsonTrees.stringOrNull(d, "status");
    return new KnowledgeContent(d.getString("_id").getValue(), text(d, "linked_to"), text(d, "name"),
        text(d, "description"),
        metadata == null || !metadata.isDocument() ? Map.of() : BsonTrees.toMap(metadata.asDocument()),
        text(d, "type"), BsonTrees.longOf(d, "size"),
        status == null ? ContentStatus.PROCESSING : ContentStatus.ofKey(status), text(d, "status_message"),
        BsonTrees.longOf(d, "access_count"), BsonTrees.stringOrNull(d, "external_id"),
        BsonTrees.longOf(d, "created_at"), BsonTrees.longOf(d, "updated_at"));
  }

  private static String text(BsonDocument d, String key) {
    return Objects.requireNonNullElse(BsonTrees.stringOrNull(d, key), "");
  }
}
