/**
 * The builtin toolkits a spec names with {@code builtin:} ({@code schemas/common.schema.json#/$defs/builtinTool}):
 * {@link dev.agentry.engine.tool.builtin.CalculatorTools calculator},
 * {@link dev.agentry.engine.tool.builtin.DateTimeTools datetime},
 * {@link dev.agentry.engine.tool.builtin.HttpFetchTools http_fetch} and
 * {@link dev.agentry.engine.tool.builtin.FileTools file}. Function names follow Agno's toolkits.
 *
 * <p>Each toolkit class has a static {@code create(options, baseDir)} matching
 * {@link dev.agentry.engine.tool.ToolFactory}; everything else here is package-private plumbing.
 *
 * <p>Does not belong here: the registry that maps builtin names to factories ({@code Builtins}), tool filters and
 * confirmation policy (the run loop's), MCP, OpenAPI and plugin toolkits (their own packages).
 */
@NullMarked
package dev.agentry.engine.tool.builtin;

import org.jspecify.annotations.NullMarked;
