package dev.agentry.server.cli;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.server.config.PluginFolder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code agentry validate [DIR]}: loads, validates and compiles a spec set and prints every problem as
 * {@code path:line:col: error: message}. Exit code 0 when valid, 1 when not, 2 on a usage error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a spec set: YAML, schemas, references, cycles and expressions, all problems in one pass.")
final class ValidateCommand implements Callable<Integer> {
  enum Format { text, json }

  @Parameters(index = "0", defaultValue = "specs", paramLabel = "DIR", description = "Spec folder or file (default: specs)")
  Path root;

  @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES}")
  Format format;

  @Option(names = "--plugins", defaultValue = "plugins", paramLabel = "DIR",
      description = "Folder of plugin jars whose plugins and tool hooks the specs may use (default: plugins)")
  Path plugins;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.exists(root)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "No such file or folder: " + root);
    }
    SpecCompiler.Result result = SpecCompiler.create(PluginFolder.load(plugins)).compile(root);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(result));
    } else {
      for (Diagnostic d : result.diagnostics()) {
        out.println(d.render(display(d.file())));
      }
      out.println(summary(result));
    }
    out.flush();
    return result.ok() ? 0 : 1;
  }

  private String summary(SpecCompiler.Result result) {
    long errors = result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    if (result.catalog() == null) {
      return display(root.toString()) + ": invalid, " + errors + (errors == 1 ? " error" : " errors");
    }
    Catalog catalog = result.catalog();
    return display(root.toString()) + ": valid, version " + catalog.version() + " (" + catalog.summary() + ")";
  }

  private String json(SpecCompiler.Result result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("valid", result.ok());
    body.put("version", result.catalog() == null ? null : result.catalog().version());
    body.put("diagnostics", result.diagnostics().stream().map(d -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("file", display(d.file()));
      item.put("line", d.line());
      item.put("column", d.column());
      item.put("pointer", d.pointer());
      item.put("severity", d.severity().label());
      item.put("code", d.code());
      item.put("message", d.message());
      item.put("hint", d.hint());
      return item;
    }).toList());
    return JsonMapper.builder().build().writeValueAsString(body);
  }

  /** A path relative to the working directory when it lies below it, as compilers print them. */
  static String display(String file) {
    Path path = Path.of(file).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return path.startsWith(cwd) && !path.equals(cwd) ? cwd.relativize(path).toString() : file;
  }

}
