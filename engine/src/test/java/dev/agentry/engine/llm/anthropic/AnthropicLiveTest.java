package dev.agentry.engine.llm.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.RecordingListener;
import dev.agentry.engine.llm.TestModels;
import dev.agentry.engine.model.ModelDef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One tiny real call to Anthropic, to catch wire-format drift the stubs cannot; skipped unless ANTHROPIC_API_KEY is
 * set (ANTHROPIC_LIVE_MODEL picks the model, claude-haiku-4-5 by default).
 */
class AnthropicLiveTest {
  @Test
  void streams_a_short_answer_from_the_real_api() {
    assumeTrue(System.getenv("ANTHROPIC_API_KEY") != null, "set ANTHROPIC_API_KEY to run this live test");
    String id = System.getenv().getOrDefault("ANTHROPIC_LIVE_MODEL", "claude-haiku-4-5");
    RecordingListener listener = new RecordingListener();

    ChatResponse response = AnthropicChatModel.create(ModelDef.of("anthropic:" + id), TestModels.HTTP,
        System::getenv).chat(ChatRequest.of(List.of(Message.user("Reply with the single word: pong"))), listener);

    assertThat(response.content()).containsIgnoringCase("pong");
    assertThat(listener.content()).isNotEmpty();
    assertThat(response.usage().inputTokens()).isPositive();
  }
}
