package dev.agentry.engine.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for resource names ({@code metadata.name}, the id used in references and URLs): lower-case letters,
 * digits and {@code -}, starting and ending with a letter or digit, as Kubernetes names are.
 */
public final class Names {
  /** The pattern of {@code schemas/common.schema.json#/$defs/metadata/properties/name}. */
  public static final String PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private Names() {}

  /** True when {@code name} is a valid resource name. */
  public static boolean isValid(String name) {
    return name.length() <= 63 && COMPILED.matcher(name).matches();
  }

  /** The closest valid name: lower-cased, other characters turned into {@code -}, trimmed. */
  public static String suggest(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return lower.isEmpty() ? "my-resource" : lower;
  }
}
