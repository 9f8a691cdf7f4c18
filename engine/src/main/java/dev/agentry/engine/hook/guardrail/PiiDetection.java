package dev.agentry.engine.hook.guardrail;

import dev.agentry.engine.hook.CheckTrigger;
import dev.agentry.engine.hook.HookContext;
import dev.agentry.engine.hook.InputCheckException;
import dev.agentry.engine.hook.RunHook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The {@code pii_detection} guardrail (Agno's {@code PIIDetectionGuardrail}): finds social security numbers, credit
 * card numbers (only those that pass the Luhn check), e-mail addresses, phone numbers and the
 * {@code custom_patterns} in the input, and either refuses the input ({@code pii_detected}, listing what it found in
 * {@code detected_pii}) or, with {@code mask: true}, replaces each one with as many {@code *}.
 *
 * <p>Options: {@code mask} (false), {@code ssn}, {@code credit_card}, {@code email}, {@code phone} (each true: look
 * for it), {@code custom_patterns} (a map of names to regular expressions).
 */
public final class PiiDetection implements RunHook {
  /** The name YAML uses. */
  public static final String NAME = "pii_detection";
  private static final Set<String> KEYS = Set.of("mask", "ssn", "credit_card", "email", "phone", "custom_patterns");
  private static final String CARD = "Credit Card";
  private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
  // 13 to 19 digits, in groups separated by single spaces or dashes; Luhn decides
  private static final Pattern CREDIT_CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");
  private static final Pattern EMAIL = Pattern.compile("\\b[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\b");
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w+])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\b\\d{3}[\\s.-]?)\\d{3}[\\s.-]?\\d{4}\\b");

  private final boolean mask;
  private final Map<String, Pattern> patterns;

  private PiiDetection(boolean mask, Map<String, Pattern> patterns) {
    this.mask = mask;
    this.patterns = patterns;
  }

  /**
   * The guardrail set up by {@code options}.
   *
   * @throws IllegalArgumentException when an option is unknown, of the wrong type, or a pattern is not a regex
   */
  public static PiiDetection of(JsonNode options) {
    GuardrailOptions o = new GuardrailOptions(NAME, options, KEYS);
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    if (o.bool("ssn", true)) {
      patterns.put("SSN", SSN);
    }
    if (o.bool("credit_card", true)) {
      patterns.put(CARD, CREDIT_CARD);
    }
    if (o.bool("email", true)) {
      patterns.put("Email", EMAIL);
    }
    if (o.bool("phone", true)) {
      patterns.put("Phone", PHONE);
    }
    for (Map.Entry<String, String> custom : o.textMap("custom_patterns").entrySet()) {
      try {
        patterns.put(custom.getKey(), Pattern.compile(custom.getValue()));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("the custom pattern '" + custom.getKey() + "' of the guardrail " + NAME
            + " is not a regular expression: " + e.getDescription());
      }
    }
    return new PiiDetection(o.bool("mask", false), Collections.unmodifiableMap(patterns));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String beforeRun(String input, HookContext context) {
    return check(input);
  }

  /**
   * The input with its PII masked, or {@code input} itself when it has none.
   *
   * @throws InputCheckException when it has some and this guardrail does not mask
   */
  public String check(String input) {
    List<String> detected = new ArrayList<>(2);
    String content = input;
    for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
      Matcher m = e.getValue().matcher(content);
      StringBuilder masked = null;
      int last = 0;
      while (m.find()) {
        if (e.getKey().equals(CARD) && !luhn(m.group())) {
          continue;
        }
        if (!detected.contains(e.getKey())) {
          detected.add(e.getKey());
        }
        if (!mask) {
          break;
        }
        if (masked == null) {
          masked = new StringBuilder(content.length());
        }
        masked.append(content, last, m.start()).repeat('*', m.end() - m.start());
        last = m.end();
      }
      if (masked != null) {
        content = masked.append(content, last, content.length()).toString();
      }
    }
    if (detected.isEmpty() || mask) {
      return content;
    }
    throw new InputCheckException("Potential PII detected in input", CheckTrigger.PII_DETECTED,
        Map.of("detected_pii", List.copyOf(detected)));
  }

  /** The Luhn checksum of the digits of {@code number} (separators skipped). */
  static boolean luhn(CharSequence number) {
    int sum = 0;
    boolean twice = false;
    for (int i = number.length() - 1; i >= 0; i--) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
