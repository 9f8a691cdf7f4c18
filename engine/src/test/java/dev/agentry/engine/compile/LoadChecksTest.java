package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.spec.Diagnostic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load-time checks of what a run would otherwise find out too late: embedded JSON Schemas, URL schemes, step
 * names in CEL expressions. The golden files show their wording; these tests show what they accept.
 */
class LoadChecksTest {
  @Test
  void a_schema_file_problem_is_reported_at_the_field_naming_the_file_with_the_place_inside_it(@TempDir Path dir) {
    SpecCompiler.Result result = SpecSets.compile(dir,
        "agent.yaml", """
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: triager}
            spec:
              model: openai:gpt-4o-mini
              output_schema: schemas/ticket.json
            """,
        "schemas/ticket.json", """
            {"type": "object", "properties": {"priority": {"type": "strng"}, "owner": {"$ref": "#/$defs/person"}}}
            """);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::pointer,
            Diagnostic::message)
        .containsExactly(
            tuple(6, 18, "/spec/output_schema",
                "invalid JSON Schema in 'schemas/ticket.json' at /properties/owner/$ref: $ref '#/$defs/person'"
                    + " points at nothing in the schema"),
            tuple(6, 18, "/spec/output_schema",
                "invalid JSON Schema in 'schemas/ticket.json' at /properties/priority/type: 'strng' is not a valid"
                    + " type: use one of array, boolean, integer, null, number, object, string"));
    assertThat(result.diagnostics().get(1).hint()).isEqualTo("did you mean 'string'?");
  }

  @Test
  void valid_schemas_of_every_draft_with_local_references_compile(@TempDir Path dir) {
    SpecCompiler.Result result = SpecSets.compile(dir,
        "agent.yaml", """
            apiVersion: agentry.dev/v1
            kind: Agent
            metadata: {name: triager}
            spec:
              model: openai:gpt-4o-mini
              output_schema:
                $schema: http://json-schema.org/draft-07/schema
                definitions: {tag: {type: string, pattern: "^[a-z]+$"}}
                type: object
                properties:
                  tags: {type: array, items: {$ref: "#/definitions/tag"}}
                  when: {type: string, format: date-time}
              input_schema:
                $id: https://example.com/input
                $defs: {name: {$anchor: name, type: string}}
                properties:
                  first: {$ref: "https://example.com/input#/$defs/name"}
                  last: {$ref: "#name"}
            """,
        "desk.yaml", """
            apiVersion: agentry.dev/v1
            kind: Toolkit
            metadata: {name: desk}
            spec:
              functions:
                - name: book_meeting
                  parameters:
                    type: object
                    properties: {date: {type: string}, "$ref": {type: string}}
                    required: [date]
            """);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.ok()).isTrue();
  }

  @Test
  void database_urls_are_checked_against_the_schemes_the_store_backends_open(@TempDir Path dir) {
    SpecCompiler.Result result = SpecSets.compile(dir, "dbs.yaml", """
        apiVersion: agentry.dev/v1
        kind: Database
        metadata: {name: agno-style}
        spec: {url: "postgresql+psycopg://ai:ai@localhost:5532/ai"}
        ---
        apiVersion: agentry.dev/v1
        kind: Database
        metadata: {name: atlas}
        spec: {url: "mongodb+srv://cluster0.example.net/agentry"}
        ---
        apiVersion: agentry.dev/v1
        kind: Database
        metadata: {name: scratch}
        spec: {url: "memory:"}
        """);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(Builtins.isStoreScheme("postgresql+psycopg")).isTrue();
    assertThat(Builtins.isStoreScheme("mysql")).isFalse();
  }

  @Test
  void step_names_in_expressions_are_found_in_the_syntax_tree_not_in_the_text(@TempDir Path dir) {
    SpecCompiler.Result result = SpecSets.compile(dir, "flow.yaml", """
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: writer}
        spec: {model: openai:gpt-4o-mini}
        ---
        apiVersion: agentry.dev/v1
        kind: Workflow
        metadata: {name: flow}
        spec:
          steps:
            - {name: draft, agent: writer}
            - name: route
              router:
                selector: 'input.matches("review|nothing") && "draft" in step_outputs ? "short" : input + "x"'
                choices:
                  - {name: short, agent: writer}
            - name: again
              loop:
                end_condition: '[{"a": 1}].exists(step_outputs, has(step_outputs.b)) || step_outputs.draft == "ok"'
                steps: [{name: redo, agent: writer}]
        """);

    assertThat(result.diagnostics()).isEmpty();
  }
}
