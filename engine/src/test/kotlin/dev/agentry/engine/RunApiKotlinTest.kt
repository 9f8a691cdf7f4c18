package dev.agentry.engine

import dev.agentry.engine.compile.SpecCompiler
import dev.agentry.engine.event.RunEvent
import dev.agentry.engine.event.RunStatus
import dev.agentry.engine.event.WorkflowEvent
import dev.agentry.engine.run.Engine
import dev.agentry.engine.run.RunRequest
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.nio.file.Path

/**
 * Runs an example agent from Kotlin: a lambda as the event sink, an exhaustive `when` over the sealed event
 * groups and their records, nullable fields handled as Kotlin types.
 */
class RunApiKotlinTest {
  @Test
  fun `runs an agent and switches over its events`() {
    val catalog = SpecCompiler.create().compile(Path.of("../specs")).orThrow()
    val engine = Engine.create(catalog) { it.baseDir(Path.of("../specs")) }
    val seen = mutableListOf<String>()
    val text = StringBuilder()

    val handle = engine.start("tools-agent", RunRequest.create { it.input("what is 2 + 3?").userId("kt") }) { event ->
      seen += when (event) {
        is RunEvent.ModelEvent -> when (event) {
          is RunEvent.RunContent -> { text.append(event.content() ?: ""); "content" }
          is RunEvent.ModelRequestStarted, is RunEvent.ModelRequestCompleted -> "model"
          is RunEvent.RunIntermediateContent, is RunEvent.RunContentCompleted -> "content-end"
          is RunEvent.ReasoningStarted, is RunEvent.ReasoningContentDelta, is RunEvent.ReasoningStep,
          is RunEvent.ReasoningCompleted -> "reasoning"
          is RunEvent.ParserModelResponseStarted, is RunEvent.ParserModelResponseCompleted,
          is RunEvent.OutputModelResponseStarted, is RunEvent.OutputModelResponseCompleted -> "second-model"
        }
        is RunEvent.ToolEvent -> "tool"
        is RunEvent.FlowEvent -> event.name()
        is WorkflowEvent -> "workflow"
      }
    }
    val output = handle.await()

    assertThat(output.status()).isEqualTo(RunStatus.COMPLETED)
    assertThat(output.userId()).isEqualTo("kt")
    assertThat(seen).contains("RunStarted", "tool", "content", "RunCompleted")
    assertThat(text.toString()).contains("\"result\": 5")
  }
}
