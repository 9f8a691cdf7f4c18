package dev.agentry.engine.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Filters and pages of the listings: a page is sorted by one whitelisted field and then by {@code _id} in the same
 * direction (so equal keys page without repeats or gaps), cut with skip and limit, and counted with the same filter.
 * MongoDB orders null and missing values lowest: first when ascending, last when descending, as the reference store.
 */
final class Listing {
  private Listing() {}

  /** All of {@code filters}; the empty filter when there are none. */
  static Bson allOf(List<Bson> filters) {
    return filters.isEmpty() ? new BsonDocument() : Filters.and(filters);
  }

  /**
   * Matches documents whose {@code field} contains {@code text}, ignoring case: a case-insensitive regular expression
   * with every ASCII character but letters and digits escaped, so the user's text matches only itself (a backslash
   * before a non-alphanumeric character is a literal in PCRE, which MongoDB uses, and in Java's regexes).
   */
  static Bson containsIgnoringCase(String field, String text) {
    return Filters.regex(field, escape(text), "i");
  }

  static String escape(String text) {
    StringBuilder regex = new StringBuilder(text.length() * 2);
    text.chars().forEach(c -> {
      boolean plain = c > 127 || Character.isLetterOrDigit(c);
      if (!plain) {
        regex.append('\\');
      }
      regex.append((char) c);
    });
    return regex.toString();
  }

  /** One page of the documents matching {@code filter}, sorted by {@code field} then {@code _id}, with the total. */
  static <T> Page<T> page(MongoCollection<BsonDocument> collection, Bson filter, @Nullable Bson projection,
      PageRequest page, String field, Function<BsonDocument, T> decode) {
    long total = collection.countDocuments(filter);
    List<T> items = new ArrayList<>(Math.min(page.limit(), 1_000));
    if (page.offset() < total) {
      collection.find(filter)
          .projection(projection)
          .sort(sort(field, page.sortOrder()))
          .skip((int) page.offset())
          .limit(page.limit())
          .forEach(d -> items.add(decode.apply(d)));
    }
    return new Page<>(items, page.page(), page.limit(), total);
  }

  /** By {@code field} then {@code _id}, both in {@code order}. */
  static Bson sort(String field, SortOrder order) {
    List<String> fields = field.equals("_id") ? List.of("_id") : List.of(field, "_id");
    return order == SortOrder.DESC ? Sorts.descending(fields) : Sorts.ascending(fields);
  }
}
