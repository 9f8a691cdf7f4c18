package dev.agentry.examples.units

import dev.agentry.engine.llm.Cancellation
import dev.agentry.engine.tool.ToolContext
import dev.agentry.engine.tool.ToolResult
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import tools.jackson.databind.json.JsonMapper

class UnitsPluginTest {
  private val json = JsonMapper.builder().build()
  private val context = ToolContext("run-1", "session-1", null, mutableMapOf(), Cancellation.create())

  private fun call(function: String, arguments: String, options: String = "{}"): ToolResult {
    val plugin = UnitsPlugin()
    plugin.open(json.readTree(options))
    return plugin.call(function, json.readTree(arguments), context)
  }

  @Test
  fun `converts temperatures and lengths with the precision of the options`() {
    assertThat(call("convert_temperature", """{"value": 100, "from": "C", "to": "F"}""").content())
      .isEqualTo("212.00 F")
    assertThat(call("convert_temperature", """{"value": 0, "from": "K", "to": "C"}""", """{"precision": 1}""")
      .content()).isEqualTo("-273.2 C")
    assertThat(call("convert_length", """{"value": 1, "from": "mi", "to": "km"}""", """{"precision": 3}""").content())
      .isEqualTo("1.609 km")
  }

  @Test
  fun `a temperature below absolute zero asks for another try`() {
    val result = call("convert_temperature", """{"value": -500, "from": "C", "to": "K"}""")

    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.RETRY)
    assertThat(result.content()).contains("below absolute zero")
  }

  @Test
  fun `describes two functions whose units are enums`() {
    val functions = UnitsPlugin().functions(json.readTree("{}"))

    assertThat(functions.map { it.name() }).containsExactly("convert_temperature", "convert_length")
    assertThat(functions[1].parameters().at("/properties/to/enum").iterator().asSequence().map { it.asString() }.toList()).contains("km", "mi")
  }
}
