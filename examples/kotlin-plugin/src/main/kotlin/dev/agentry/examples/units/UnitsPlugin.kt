package dev.agentry.examples.units

import dev.agentry.engine.tool.ToolContext
import dev.agentry.engine.tool.ToolDefinition
import dev.agentry.engine.tool.ToolPlugin
import dev.agentry.engine.tool.ToolResult
import java.math.BigDecimal
import java.math.RoundingMode
import tools.jackson.databind.JsonNode
import tools.jackson.databind.json.JsonMapper

/**
 * `plugin: units`: converts temperatures and lengths. Options: `precision` (decimal places of the answers, 0 to 10,
 * default 2). A temperature below absolute zero asks the model to try again (Agno's RetryAgentRun).
 */
class UnitsPlugin : ToolPlugin {
  private var precision = 2

  override fun name() = "units"

  override fun optionsSchema() = """
    {"type": "object", "additionalProperties": false,
     "properties": {"precision": {"type": "integer", "minimum": 0, "maximum": 10}}}
  """

  override fun functions(options: JsonNode): List<ToolDefinition> = listOf(
    ToolDefinition("convert_temperature", "Converts a temperature between Celsius (C), Fahrenheit (F) and Kelvin (K).",
      schema(TEMPERATURES.keys)),
    ToolDefinition("convert_length", "Converts a length between mm, cm, m, km, in, ft, yd and mi.",
      schema(LENGTHS.keys)),
  )

  override fun open(options: JsonNode) {
    precision = options.path("precision").asInt(2)
  }

  override fun call(function: String, arguments: JsonNode, context: ToolContext): ToolResult {
    val value = arguments.path("value").asDouble()
    val from = arguments.path("from").asString()
    val to = arguments.path("to").asString()
    return when (function) {
      "convert_temperature" -> {
        val kelvin = TEMPERATURES.getValue(from).toKelvin(value)
        if (kelvin < 0) {
          ToolResult.retry("$value $from is below absolute zero; ask the user for the temperature again.")
        } else {
          answer(TEMPERATURES.getValue(to).fromKelvin(kelvin), to)
        }
      }
      "convert_length" -> answer(value * LENGTHS.getValue(from) / LENGTHS.getValue(to), to)
      else -> ToolResult.error("units has no function $function")
    }
  }

  private fun answer(value: Double, unit: String): ToolResult =
    ToolResult.of("${BigDecimal.valueOf(value).setScale(precision, RoundingMode.HALF_UP).toPlainString()} $unit")

  /** A temperature scale, by how it maps to Kelvin. */
  private class Scale(val toKelvin: (Double) -> Double, val fromKelvin: (Double) -> Double)

  private companion object {
    val JSON: JsonMapper = JsonMapper.builder().build()

    val TEMPERATURES = mapOf(
      "C" to Scale({ it + 273.15 }, { it - 273.15 }),
      "F" to Scale({ (it - 32) * 5 / 9 + 273.15 }, { (it - 273.15) * 9 / 5 + 32 }),
      "K" to Scale({ it }, { it }),
    )

    /** Metres per unit. */
    val LENGTHS = mapOf(
      "mm" to 0.001, "cm" to 0.01, "m" to 1.0, "km" to 1000.0,
      "in" to 0.0254, "ft" to 0.3048, "yd" to 0.9144, "mi" to 1609.344,
    )

    fun schema(units: Set<String>): JsonNode {
      val names = units.joinToString(", ") { "\"$it\"" }
      return JSON.readTree("""
        {"type": "object", "required": ["value", "from", "to"], "additionalProperties": false,
         "properties": {"value": {"type": "number"}, "from": {"enum": [$names]}, "to": {"enum": [$names]}}}
      """)
    }
  }
}
