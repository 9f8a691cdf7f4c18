package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.Toolkit;
import dev.agentry.engine.tool.ToolkitSettings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Opens MCP toolkits on the test server and calls their tools, for the tests and benchmarks. */
public final class McpToolkits {
  private McpToolkits() {}

  /** The {@code mcp:} settings of the stdio test server, with extra environment variables. */
  public static ObjectNode stdio(Map<String, String> env) {
    return stdio(env, List.of());
  }

  /** As {@link #stdio(Map)}, with options for the server's JVM (such as a system property that tags it). */
  public static ObjectNode stdio(Map<String, String> env, List<String> jvmOptions) {
    return stdio(env, jvmOptions, true);
  }

  /** As {@link #stdio(Map, List)}; see {@link TestMcpServer#command(boolean)} for {@code quickStart}. */
  public static ObjectNode stdio(Map<String, String> env, List<String> jvmOptions, boolean quickStart) {
    List<String> command = new java.util.ArrayList<>(TestMcpServer.command(quickStart));
    command.addAll(1, jvmOptions);
    ObjectNode mcp = Json.MAPPER.createObjectNode();
    mcp.put("command", command.getFirst());
    command.subList(1, command.size()).forEach(mcp.putArray("args")::add);
    ObjectNode envNode = mcp.putObject("env");
    env.forEach(envNode::put);
    return mcp;
  }

  /** The {@code mcp:} settings of an HTTP server. */
  public static ObjectNode http(String url) {
    ObjectNode mcp = Json.MAPPER.createObjectNode();
    mcp.put("url", url);
    return mcp;
  }

  public static ToolkitSettings settings(String name, JsonNode mcp, Path baseDir) {
    return new ToolkitSettings(name, mcp, Json.MAPPER.createObjectNode(), new ToolkitSettings.Services(baseDir,
        HttpClient.newHttpClient(), System::getenv, Extensions.defaults()));
  }

  public static Toolkit open(JsonNode mcp, Path baseDir) {
    return new McpKind().open(settings("test-mcp", mcp, baseDir));
  }

  public static Tool tool(Toolkit toolkit, String name) {
    return toolkit.tools().stream().filter(t -> t.definition().name().equals(name)).findFirst().orElseThrow();
  }

  public static ToolContext context(Cancellation cancellation) {
    return new ToolContext("run-1", "session-1", null, new HashMap<>(), cancellation);
  }

  public static ToolResult call(Toolkit toolkit, String name, String arguments) {
    return tool(toolkit, name).invoke(Json.MAPPER.readTree(arguments), context(Cancellation.NONE));
  }

  /** The live child processes of this JVM whose command line holds {@code tag} (read from /proc, where it is whole). */
  public static List<ProcessHandle> servers(String tag) {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(process -> commandLine(process).contains(tag)).toList();
  }

  private static String commandLine(ProcessHandle process) {
    try {
      return new String(java.nio.file.Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | RuntimeException e) {
      return process.info().commandLine().orElse("");
    }
  }
}
