package dev.agentry.engine

import dev.agentry.engine.compile.SpecCompiler
import dev.agentry.engine.event.ComponentKind
import dev.agentry.engine.event.EventRole
import dev.agentry.engine.event.RunEvent
import dev.agentry.engine.event.RunStatus
import dev.agentry.engine.event.WorkflowEvent
import dev.agentry.engine.run.Engine
import dev.agentry.engine.run.RunRequest
import dev.agentry.engine.run.Target
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

/**
 * Runs a team from Kotlin and sorts its events with exhaustive `when`s, without `else`: by family (agent, team,
 * workflow), by group (flow, model, tool, and the workflow family's events one by one) and by role. A new family,
 * group, workflow event or role breaks this file's build.
 */
class TeamEventsKotlinTest {
  @TempDir lateinit var dir: Path

  @Test
  fun `a team run's events sort by family, group and role`() {
    Files.writeString(dir.resolve("specs.yaml"), SPECS)
    val engine = Engine.create(SpecCompiler.create().compile(dir).orThrow())
    val byFamily = mutableMapOf<String, Int>()
    val groups = mutableSetOf<String>()
    val answer = StringBuilder()

    val output = engine.run(Target.team("desk"), RunRequest.of("capital of France?")) { event ->
      val family = when (event.scope().kind()) {
        ComponentKind.AGENT -> "member"
        ComponentKind.TEAM -> "leader"
        ComponentKind.WORKFLOW -> "workflow"
      }
      byFamily.merge(family, 1, Int::plus)
      groups += when (event) {
        is RunEvent.FlowEvent -> "flow"
        is RunEvent.ModelEvent -> "model"
        is RunEvent.ToolEvent -> "tool"
        is WorkflowEvent -> when (event) {
          is WorkflowEvent.WorkflowStarted, is WorkflowEvent.WorkflowCompleted, is WorkflowEvent.WorkflowPaused,
          is WorkflowEvent.WorkflowCancelled, is WorkflowEvent.WorkflowError -> "workflow"
          is WorkflowEvent.StepStarted, is WorkflowEvent.StepCompleted, is WorkflowEvent.StepOutput,
          is WorkflowEvent.StepPaused, is WorkflowEvent.StepContinued, is WorkflowEvent.StepExecutorPaused,
          is WorkflowEvent.StepExecutorContinued, is WorkflowEvent.StepError -> "step"
          is WorkflowEvent.LoopExecutionStarted, is WorkflowEvent.LoopIterationStarted,
          is WorkflowEvent.LoopIterationCompleted, is WorkflowEvent.LoopExecutionCompleted,
          is WorkflowEvent.ParallelExecutionStarted, is WorkflowEvent.ParallelExecutionCompleted,
          is WorkflowEvent.ConditionExecutionStarted, is WorkflowEvent.ConditionExecutionCompleted,
          is WorkflowEvent.RouterExecutionStarted, is WorkflowEvent.RouterExecutionCompleted,
          is WorkflowEvent.RouterPaused, is WorkflowEvent.StepsExecutionStarted,
          is WorkflowEvent.StepsExecutionCompleted -> "step-group"
        }
      }
      when (EventRole.of(event)) {
        EventRole.CONTENT -> if (family == "leader") answer.append((event as RunEvent.RunContent).content() ?: "")
        EventRole.COMPLETED, EventRole.STOPPED, EventRole.PROGRESS -> Unit
      }
    }

    assertThat(output.status()).isEqualTo(RunStatus.COMPLETED)
    assertThat(answer.toString()).isEqualTo("Desk: Paris")
    assertThat(byFamily).containsOnlyKeys("leader", "member")
    assertThat(groups).containsExactlyInAnyOrder("flow", "model", "tool")
    assertThat(output.memberResponses().single().parentRunId()).isEqualTo(output.runId())
  }

  private companion object {
    val SPECS = """
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: leader}
      spec:
        provider: scripted
        script:
          rules:
            - when: capital
              content: "Desk: {tool_result}"
              tool_calls: [{name: delegate_task_to_member, arguments: {member_id: geo, task: capital of France}}]
      ---
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: member}
      spec: {provider: scripted, script: {fallback: Paris}}
      ---
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata: {name: geo}
      spec: {model: member}
      ---
      apiVersion: agentry.dev/v1
      kind: Team
      metadata: {name: desk}
      spec: {model: leader, members: [{agent: geo}]}
    """.trimIndent()
  }
}
