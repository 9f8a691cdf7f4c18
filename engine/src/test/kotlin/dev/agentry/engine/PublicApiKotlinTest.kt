package dev.agentry.engine

import dev.agentry.engine.compile.SpecCompiler
import dev.agentry.engine.model.StepDef
import dev.agentry.engine.spec.Diagnostic
import dev.agentry.engine.spec.SpecException
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

/**
 * Uses the engine the way a Kotlin program would: no checked exceptions to declare, nullness from JSpecify
 * (compiled with -Xjspecify-annotations=strict, so a nullable spec field must be handled), records as data, and
 * an exhaustive `when` over the sealed StepDef hierarchy.
 */
class PublicApiKotlinTest {
  @Test
  fun `compiles the example specs and reads them idiomatically`() {
    val catalog = SpecCompiler.create().compile(Path.of("../specs")).orThrow()
    val agent = catalog.findAgent("bench-agent").orElseThrow()
    val description: String = agent.spec().description() ?: "no description"
    assertThat(description).isNotBlank()
    assertThat(agent.model().provider()).isEqualTo("scripted")

    fun describe(step: StepDef): String = when (step) {
      is StepDef.AgentStep -> "agent ${step.agent()}"
      is StepDef.TeamStep -> "team ${step.team()}"
      is StepDef.WorkflowStep -> "workflow ${step.workflow()}"
      is StepDef.Group -> "group of ${step.steps().size}"
      is StepDef.Condition -> "if ${step.evaluator()}"
      is StepDef.Loop -> "loop up to ${step.maxIterations()}"
      is StepDef.Parallel -> "parallel ${step.steps().size}"
      is StepDef.Router -> "router ${step.selector()}"
    }
    val described = catalog.listWorkflows().flatMap { it.steps() }.map(::describe)
    assertThat(described).isNotEmpty()
  }

  @Test
  fun `an invalid set throws an unchecked SpecException listing every diagnostic`(@TempDir dir: Path) {
    Files.writeString(dir.resolve("a.yaml"), "apiVersion: agentry.dev/v1\nkind: Agent\nmetadata: {name: a}\nspec: {}\n")
    val result = SpecCompiler.create().compile(dir)
    assertThat(result.findCatalog()).isEmpty()
    val error = assertThrows<SpecException> { result.orThrow() }
    val first: Diagnostic = error.diagnostics().first()
    assertThat(first.line()).isEqualTo(4)
    assertThat(first.hint()).contains("model")
  }
}
