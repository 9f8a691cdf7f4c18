/**
 * The {@code mcp} toolkit kind: the tools of a Model Context Protocol server, reached over stdio (a child process),
 * streamable HTTP or SSE through the official MCP Java SDK. Nothing here knows about runs beyond a tool call's
 * {@link dev.agentry.engine.tool.ToolContext}; sharing and closing toolkits belongs to {@code run.ToolkitPool}.
 */
@NullMarked
package dev.agentry.engine.tool.mcp;

import org.jspecify.annotations.NullMarked;
