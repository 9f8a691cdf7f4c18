package dev.agentry.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.internal.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private final RunScope scope = RunScope.of("weather-agent", "Weather Agent", "r1", "s1");

  @Test
  void writes_the_envelope_first_in_agnos_order_and_leaves_out_nulls() {
    String json = EventJson.write(new RunEvent.RunStarted(scope, 1795266871L, "scripted", "test"));

    assertThat(json).isEqualTo("{\"created_at\":1795266871,\"event\":\"RunStarted\",\"agent_id\":\"weather-agent\","
        + "\"agent_name\":\"Weather Agent\",\"run_id\":\"r1\",\"session_id\":\"s1\",\"nested_depth\":0,"
        + "\"model\":\"scripted\",\"model_provider\":\"test\"}");
  }

  @Test
  void tool_executions_keep_their_null_fields_and_metrics_drop_zeros() {
    ToolExecution tool = ToolExecution.pending("c1", "add", Json.MAPPER.readTree("{\"a\":2}"), 5L);
    String started = EventJson.write(new RunEvent.ToolCallStarted(scope, 5L, tool));
    assertThat(started).contains("\"tool\":{\"tool_call_id\":\"c1\",\"tool_name\":\"add\",\"tool_args\":{\"a\":2},"
        + "\"tool_call_error\":null,\"result\":null");

    String completed = EventJson.write(new RunEvent.RunCompleted(scope, 6L, "Hi", "str", null, null,
        new Metrics(3, 2, 5, 0, 0, 0, 0.5, null), Map.of("k", "v"), null));
    assertThat(completed).endsWith("\"content\":\"Hi\",\"content_type\":\"str\",\"metrics\":{\"input_tokens\":3,"
        + "\"output_tokens\":2,\"total_tokens\":5,\"duration\":0.5},\"session_state\":{\"k\":\"v\"}}");
  }

  @Test
  void every_event_class_declares_a_wire_name() {
    for (Class<?> group : RunEvent.class.getPermittedSubclasses()) {
      for (Class<?> type : group.getPermittedSubclasses()) {
        assertThat(type.getAnnotation(EventName.class)).as(type.getSimpleName()).isNotNull();
        assertThat(type.getAnnotation(EventName.class).value()).isEqualTo(type.getSimpleName());
      }
    }
  }
}
