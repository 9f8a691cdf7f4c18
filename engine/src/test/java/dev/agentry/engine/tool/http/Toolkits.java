package dev.agentry.engine.tool.http;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitSettings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/** Settings and calls for toolkit tests. */
public final class Toolkits {
  private Toolkits() {}

  /** The settings of a toolkit whose value under its kind's key is {@code json}. */
  public static ToolkitSettings settings(String json, Path baseDir) {
    return new ToolkitSettings("test", Json.MAPPER.readTree(json), Json.MAPPER.createObjectNode(),
        new ToolkitSettings.Services(baseDir, HttpClient.newHttpClient(), name -> null, Extensions.defaults()));
  }

  /** Calls the function {@code name} with JSON arguments. */
  public static ToolResult call(List<Tool> tools, String name, String argumentsJson) {
    return call(tools, name, argumentsJson, Cancellation.NONE);
  }

  /** Calls the function {@code name} with JSON arguments in a run that {@code cancellation} cancels. */
  public static ToolResult call(List<Tool> tools, String name, String argumentsJson, Cancellation cancellation) {
    Tool tool = tools.stream().filter(t -> t.definition().name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no function " + name));
    ToolContext context = new ToolContext("run-1", "session-1", null, new HashMap<>(), cancellation);
    return tool.invoke(Json.MAPPER.readTree(argumentsJson), context);
  }
}
