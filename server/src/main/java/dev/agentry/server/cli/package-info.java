/**
 * The {@code agentry} command line (picocli): one class per subcommand, and {@code TerminalPrinter}, which shows a run
 * on the terminal. Commands parse flags and print; the work is done by the engine through the same entry points the
 * server uses.
 */
@NullMarked
package dev.agentry.server.cli;

import org.jspecify.annotations.NullMarked;
