/** The {@code plugin} toolkit kind: tools written in Java or Kotlin, behind {@link dev.agentry.engine.tool.ToolPlugin}. */
@NullMarked
package dev.agentry.engine.tool.plugin;

import org.jspecify.annotations.NullMarked;
