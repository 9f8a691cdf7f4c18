package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.Draft;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The containment graph of a spec set (teams hold members, workflows run steps, agents name a reasoning agent),
 * used to reject cycles: a team containing itself through sub-teams, a workflow invoking itself.
 */
final class Graph {
  private record Node(Kind kind, String name) {
    @Override
    public String toString() {
      return name;
    }
  }

  private record Edge(Node to, Draft from, String pointer) {}

  private final Map<Node, List<Edge>> edges = new LinkedHashMap<>();

  void edge(Draft from, String pointer, Kind toKind, String toName) {
    Node source = new Node(from.kind(), from.name());
    edges.computeIfAbsent(source, k -> new ArrayList<>()).add(new Edge(new Node(toKind, toName), from, pointer));
  }

  /** Reports each cycle once, at the reference that closes it. */
  void reportCycles(Problems problems) {
    Set<Node> done = new HashSet<>();
    for (Node start : edges.keySet()) {
      visit(start, new ArrayList<>(), done, problems);
    }
  }

  private void visit(Node node, List<Node> path, Set<Node> done, Problems problems) {
    if (done.contains(node)) {
      return;
    }
    path.add(node);
    for (Edge edge : edges.getOrDefault(node, List.of())) {
      int loopStart = path.indexOf(edge.to());
      if (loopStart >= 0) {
        List<Node> cycle = new ArrayList<>(path.subList(loopStart, path.size()));
        cycle.add(edge.to());
        String kind = edge.from().kind().wireName();
        problems.at(edge.from(), edge.pointer(), "cycle",
            kind + " '" + node.name() + "' contains itself: "
                + String.join(" -> ", cycle.stream().map(Node::toString).toList()),
            "remove one of the references in the cycle");
      } else {
        visit(edge.to(), path, done, problems);
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
  }
}
