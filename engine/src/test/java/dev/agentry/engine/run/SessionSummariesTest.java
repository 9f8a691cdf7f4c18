package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Session summaries (enable_session_summaries) and the history tools, as Agno's. */
class SessionSummariesTest {
  @TempDir Path dir;
  private final StubProvider stub = StubProvider.start();
  private final SessionStore store = MemorySessionStore.create();

  @AfterEach
  void stop() {
    stub.close();
  }

  private static Reply answer(String content) {
    return Reply.json("""
        {"id": "c1", "object": "chat.completion", "model": "gpt-4o-mini",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
        """.formatted(EventJson.MAPPER.writeValueAsString(content)));
  }

  private Engine engine(String kind, String extra) {
    String leader = kind.equals("Team") ? "  members: [{agent: helper}]\n" : "";
    return Engine.create(Specs.compile(dir, Specs.HEADER + """
        kind: %s
        metadata: {name: subject}
        spec:
          model: script
          enable_session_summaries: true
          session_summary_manager: {model: writer}
        %s%s---
        """.formatted(kind, leader, Specs.indent(extra, "  ")) + Specs.HEADER + """
        kind: Agent
        metadata: {name: helper}
        spec: {model: script}
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: script}
        spec:
          provider: scripted
          script:
            rules:
              - when: history
                tool_calls: [{name: get_chat_history, arguments: {num_chats: 2}}]
              - when: calls
                tool_calls: [{name: get_tool_call_history, arguments: {}}]
              - when: sessions
                tool_calls: [{name: search_past_sessions, arguments: {}}]
            fallback: 'echo: {input}'
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: writer}
        spec:
          provider: openai
          id: gpt-4o-mini
          api_key: sk-test
          max_retries: 0
          base_url: %s
        """.formatted(stub.baseUrl())), c -> c.store(store));
  }

  private static RunRequest in(String session, String input) {
    return RunRequest.create(r -> r.input(input).sessionId(session).userId("ada"));
  }

  @Test
  void a_summary_is_written_after_each_run_and_read_by_the_next() {
    stub.reply(answer("{\"summary\": \"Ada runs on Sundays.\", \"topics\": [\"running\"]}"),
        answer("```json\n{\"summary\": \"Ada runs 10 km on Sundays.\", \"topics\": [\"running\", \"distance\"]}\n```"));
    Engine engine = engine("Agent", "");
    EventLog log = new EventLog();

    RunOutput first = engine.run("subject", RunRequest.create(r -> r.input("I run on Sundays").sessionId("s1")
        .streamEvents(true)), log);

    assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
    List<String> names = log.names();
    assertThat(names.subList(names.size() - 4, names.size())).containsExactly("RunContentCompleted",
        "SessionSummaryStarted", "SessionSummaryCompleted", "RunCompleted");
    RunEvent.SessionSummaryCompleted done = log.of(RunEvent.SessionSummaryCompleted.class).getFirst();
    JsonNode wire = EventJson.toTree(done);
    assertThat(wire.get("event").asString()).isEqualTo("SessionSummaryCompleted");
    assertThat(wire.get("agent_id").asString()).isEqualTo("subject");
    assertThat(wire.get("session_id").asString()).isEqualTo("s1");
    assertThat(wire.get("session_summary").get("summary").asString()).isEqualTo("Ada runs on Sundays.");
    assertThat(wire.get("session_summary").get("topics").get(0).asString()).isEqualTo("running");
    assertThat(wire.get("session_summary").get("updated_at").asString()).isNotBlank();
    JsonNode request = stub.requests().getFirst().json();
    String prompt = request.get("messages").get(0).get("content").asString();
    assertThat(prompt).startsWith(SessionSummaries.DEFAULT_PROMPT + "<conversation>")
        .contains("User: I run on Sundays").contains("Assistant: echo: I run on Sundays")
        .endsWith("</conversation>");
    assertThat(request.get("messages").get(1).get("content").asString())
        .isEqualTo("Provide the summary of the conversation.");
    assertThat(request.get("response_format").get("json_schema").get("name").asString())
        .isEqualTo("SessionSummaryResponse");

    RunOutput second = engine.run("subject", in("s1", "how far?"));

    String system = second.messages().getFirst().message().content();
    assertThat(second.messages().getFirst().message().role()).isEqualTo(Role.SYSTEM);
    assertThat(system).contains("Here is a brief summary of your previous interactions:\n\n"
        + "<summary_of_previous_interactions>\nAda runs on Sundays.\n</summary_of_previous_interactions>\n\n"
        + "Note: this information is from previous interactions and may be outdated.");
    String secondPrompt = stub.requests().get(1).json().get("messages").get(0).get("content").asString();
    assertThat(secondPrompt).contains("User: I run on Sundays").contains("User: how far?");
    Map<String, Object> stored = store.findSession("s1").map(Session::summary).orElseThrow();
    assertThat(stored).containsEntry("summary", "Ada runs 10 km on Sundays.")
        .containsEntry("topics", List.of("running", "distance")).containsKey("updated_at");
  }

  @Test
  void a_failing_summarizer_does_not_fail_the_run() {
    stub.reply(Reply.json(500, "{\"error\": {\"message\": \"boom\"}}"), answer("not a summary"));
    Engine engine = engine("Agent", "");

    RunOutput first = engine.run("subject", in("s2", "hello"));
    RunOutput second = engine.run("subject", in("s2", "again"));

    assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(store.findSession("s2").orElseThrow().summary()).isNull();
  }

  @Test
  void a_team_writes_its_session_summary_too() {
    stub.reply(answer("{\"summary\": \"The team greeted Ada.\"}"));
    EventLog log = new EventLog();

    RunOutput out = engine("Team", "").run(new Target(dev.agentry.engine.event.ComponentKind.TEAM, "subject"), RunRequest.create(r -> r.input("hi").sessionId("t1")
        .streamEvents(true)), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(EventJson.toTree(log.of(RunEvent.SessionSummaryCompleted.class).getFirst()).get("event").asString())
        .isEqualTo("TeamSessionSummaryCompleted");
    assertThat(store.findSession("t1").orElseThrow().summary()).containsEntry("summary", "The team greeted Ada.");
  }

  @Test
  void the_history_tools_answer_as_agnos() {
    stub.reply(answer("{\"summary\": \"a\"}"), answer("{\"summary\": \"b\"}"), answer("{\"summary\": \"c\"}"),
        answer("{\"summary\": \"d\"}"), answer("{\"summary\": \"e\"}"));
    Engine engine = engine("Agent", """
        read_chat_history: true
        read_tool_call_history: true
        search_session_history: true
        """);
    engine.run("subject", in("old", "an older session"));
    engine.run("subject", in("s3", "first"));

    RunOutput history = engine.run("subject", in("s3", "history please"));
    RunOutput calls = engine.run("subject", in("s3", "calls please"));
    RunOutput sessions = engine.run("subject", in("s3", "sessions please"));

    assertThat(history.tools().getFirst().result()).isEqualTo("[{\"id\": \"%s\", \"content\": \"first\", "
        .formatted(ChatMessage.listOf(store.listRuns("s3").getFirst()).get(0).id())
        + "\"from_history\": false, \"stop_after_tool_call\": false, \"role\": \"user\", \"created_at\": %d}, "
        .formatted(store.listRuns("s3").getFirst().messages().get(0).createdAt())
        + "{\"id\": \"%s\", \"content\": \"echo: first\", ".formatted(
            ChatMessage.listOf(store.listRuns("s3").getFirst()).get(1).id())
        + "\"from_history\": false, \"stop_after_tool_call\": false, \"role\": \"assistant\", \"metrics\": "
        + EventJson.MAPPER.writeValueAsString(store.listRuns("s3").getFirst().messages().get(1).metrics())
            .replace(",", ", ").replace(":", ": ")
        + ", \"created_at\": %d}]".formatted(store.listRuns("s3").getFirst().messages().get(1).createdAt()));
    assertThat(calls.tools().getFirst().result()).startsWith("[{\"id\": \"").contains(
        "\"type\": \"function\", \"function\": {\"name\": \"get_chat_history\", \"arguments\": \"{\\\"num_chats\\\":2}\"}}");
    assertThat(sessions.tools().getFirst().result()).startsWith("[{\"session_id\": \"old\", \"created_at\": \"")
        .endsWith("\"runs\": [{\"user\": \"an older session\", \"assistant\": \"echo: an older session\"}]}]");
  }
}
