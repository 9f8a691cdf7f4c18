package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.store.Databases;
import dev.agentry.engine.store.RunQuery;
import dev.agentry.engine.store.SessionQuery;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's, team's or workflow's {@code db} selects the store its runs and sessions go to; member and step runs go
 * where their team's or workflow's run goes; every database is opened and migrated when the catalog is loaded, and a
 * reload opens the databases it adds.
 */
class PerComponentDatabasesTest {
  @TempDir Path dir;

  private String specs(String extraDb, String sideAgentDb) {
    return Specs.HEADER + """
        kind: AgentOS
        metadata: {name: os}
        spec: {db: main-db}
        ---
        """ + database("main-db") + database("side-db") + extraDb + Specs.HEADER + """
        kind: Agent
        metadata: {name: side}
        spec: {model: script, db: %s, add_history_to_context: true}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: plain}
        spec: {model: script}
        ---
        apiVersion: agentry.dev/v1
        kind: Team
        metadata: {name: desk}
        spec:
          model: script
          db: side-db
          mode: broadcast
          members: [{agent: plain}]
        ---
        apiVersion: agentry.dev/v1
        kind: Workflow
        metadata: {name: flow}
        spec:
          steps: [{name: first, agent: side}]
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: script}
        spec: {provider: scripted, script: {fallback: ok}}
        """.formatted(sideAgentDb);
  }

  private String database(String name) {
    return Specs.HEADER + "kind: Database\nmetadata: {name: " + name + "}\nspec: {url: \"sqlite:"
        + dir.resolve(name + ".db") + "\"}\n---\n";
  }

  private Databases open(Catalog catalog) {
    return Databases.open(catalog, null, Builtins::openStore);
  }

  @Test
  void eachComponentRunsAgainstItsOwnDatabase() {
    Catalog catalog = Specs.compile(dir, specs("", "side-db"));
    assertThat(catalog.servedDbs()).containsExactly("main-db", "side-db");
    try (Databases databases = open(catalog); Engine engine = Engine.create(catalog, c -> c.databases(databases))) {
      SessionStore main = databases.get("main-db");
      SessionStore side = databases.get("side-db");
      assertThat(main).isNotSameAs(side);

      engine.run("side", RunRequest.create(r -> r.input("hi").sessionId("s-side")));
      engine.run("plain", RunRequest.create(r -> r.input("hi").sessionId("s-plain")));
      assertThat(side.findSession("s-side")).as("an agent's own db").isPresent();
      assertThat(main.findSession("s-side")).as("not the default").isEmpty();
      assertThat(main.findSession("s-plain")).as("an agent without db: the default").isPresent();
      assertThat(side.findSession("s-plain")).isEmpty();

      engine.run(Target.team("desk"), RunRequest.create(r -> r.input("hi").sessionId("s-team")), EventSink.NONE);
      assertThat(side.listRuns(RunQuery.ofSession("s-team"))).extracting(RunOutput::componentId).contains("desk");
      assertThat(main.findSession("s-team")).as("a team's db").isEmpty();

      engine.run(Target.workflow("flow"), RunRequest.create(r -> r.input("hi").sessionId("s-flow")), EventSink.NONE);
      assertThat(main.listRuns(RunQuery.ofSession("s-flow"))).extracting(RunOutput::componentId)
          .as("a step's run goes with its workflow's, not to its agent's db").containsExactlyInAnyOrder("flow", "side");
      assertThat(side.findSession("s-flow")).isEmpty();
    }
  }

  @Test
  void historyIsReadFromTheAgentsDatabase() {
    Catalog catalog = Specs.compile(dir, specs("", "side-db"));
    try (Databases databases = open(catalog); Engine engine = Engine.create(catalog, c -> c.databases(databases))) {
      engine.run("side", RunRequest.create(r -> r.input("first question").sessionId("s")));
      RunOutput second = engine.run("side", RunRequest.create(r -> r.input("second").sessionId("s")));
      assertThat(second.messages()).extracting(m -> String.valueOf(m.message().content()))
          .as("the earlier run, read back from side-db").contains("first question");
    }
  }

  @Test
  void everyDatabaseIsMigratedAtOpenAndAReloadOpensTheOnesItAdds() {
    Catalog first = Specs.compile(dir, specs("", "side-db"));
    try (Databases databases = open(first); Engine engine = Engine.create(first, c -> c.databases(databases))) {
      for (String id : List.of("main-db", "side-db")) {
        assertThat(databases.get(id).listSessions(SessionQuery.all(1, 10)).items()).as(id + " has its tables")
            .isEmpty();
      }
      assertThat(databases.find("third-db")).isEmpty();

      Catalog next = Specs.compile(dir, specs(database("third-db"), "third-db"));
      SessionStore side = databases.get("side-db");
      engine.reload(next);
      SessionStore third = databases.get("third-db");
      engine.run("side", RunRequest.create(r -> r.input("hi").sessionId("s-third")));
      assertThat(third.findSession("s-third")).isPresent();
      assertThat(databases.get("side-db")).as("unchanged settings: the same store").isSameAs(side);
      assertThat(StoreSettings.of(next, "third-db", null).url()).endsWith("third-db.db");
    }
  }

  @Test
  void withoutDatabasesEveryIdIsTheOneStore() {
    Catalog catalog = Specs.compile(dir, specs("", "side-db"));
    try (Engine engine = Engine.create(catalog)) {
      engine.run("side", RunRequest.create(r -> r.input("hi").sessionId("s")));
      assertThat(engine.store().findSession("s")).isPresent();
    }
  }
}
