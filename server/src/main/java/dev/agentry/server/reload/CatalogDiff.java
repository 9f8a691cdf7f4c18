package dev.agentry.server.reload;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.spec.Kind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a reload changed, as {@code Kind/id} entries ({@code Agent/echo}) in kind then id order: resources that are
 * new, resources whose compiled definition differs, and resources that are gone.
 *
 * <p>Definitions are compared by content without their {@code source} file, so that moving a resource to another
 * file does not count as a change (as it does not change the catalog version either).
 */
public record CatalogDiff(List<String> added, List<String> changed, List<String> removed) {
  /** No change at all. */
  public static final CatalogDiff NONE = new CatalogDiff(List.of(), List.of(), List.of());

  public CatalogDiff {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /** The resources {@code next} adds to, changes in and removes from {@code previous}. */
  public static CatalogDiff between(Catalog previous, Catalog next) {
    Map<String, Object> before = resources(previous);
    Map<String, Object> after = resources(next);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    after.forEach((key, def) -> {
      Object old = before.get(key);
      if (old == null) {
        added.add(key);
      } else if (!sameContent(old, def)) {
        changed.add(key);
      }
    });
    before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(removed::add);
    return new CatalogDiff(added, changed, removed);
  }

  /** True when nothing was added, changed or removed. */
  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  /** Every resource of a catalog by {@code Kind/id}, in kind then id order. */
  static Map<String, Object> resources(Catalog catalog) {
    Map<String, Object> all = new LinkedHashMap<>();
    put(all, Kind.AGENT, catalog.agents());
    put(all, Kind.TEAM, catalog.teams());
    put(all, Kind.WORKFLOW, catalog.workflows());
    put(all, Kind.TOOLKIT, catalog.toolkits());
    put(all, Kind.MODEL, catalog.models());
    put(all, Kind.KNOWLEDGE, catalog.knowledge());
    put(all, Kind.DATABASE, catalog.databases());
    if (catalog.os() != null) {
      all.put(key(Kind.AGENT_OS, catalog.os().id()), catalog.os());
    }
    return all;
  }

  /** {@code Kind/id}, as the diff and the status name a resource. */
  static String key(Kind kind, String id) {
    return kind.wireName() + "/" + id;
  }

  private static void put(Map<String, Object> all, Kind kind, Map<String, ?> defs) {
    defs.forEach((id, def) -> all.put(key(kind, id), def));
  }

  /** Equal records, ignoring their top-level {@code source} component (the file a resource was read from). */
  private static boolean sameContent(Object a, Object b) {
    if (a.getClass() != b.getClass() || !a.getClass().isRecord()) {
      return a.equals(b);
    }
    for (RecordComponent component : a.getClass().getRecordComponents()) {
      if (component.getName().equals("source")) {
        continue;
      }
      try {
        if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
          return false;
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        return a.equals(b);
      }
    }
    return true;
  }
}
