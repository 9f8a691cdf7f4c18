package dev.agentry.engine.run;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.model.CompressionSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool-result compression ({@code compress_tool_results}), as Agno's {@code CompressionManager} does it: before each
 * model request, once at least {@code compress_tool_results_limit} of the run's tool results are uncompressed (3 by
 * default) or the context is estimated at {@code compress_token_limit} tokens or more, the compression model shortens
 * each uncompressed tool result, one call each, between {@code CompressionStarted} and {@code CompressionCompleted}.
 * The model reads the short form from then on (in later runs too, through history); the stored message keeps the
 * original beside it ({@code compressed_content}). The completed event counts the run's compressed results so far and
 * their sizes in characters before and after. Tokens are estimated at four characters a token.
 */
final class Compression {
  private static final Logger LOG = LoggerFactory.getLogger(Compression.class);

  /** Agno's default compression prompt ({@code DEFAULT_COMPRESSION_PROMPT}), in its words. */
  static final String DEFAULT_PROMPT = """
      You are compressing tool call results to save context space while preserving critical information.

      Your goal: Extract only the essential information from the tool output.

      ALWAYS PRESERVE:
      • Specific facts: numbers, statistics, amounts, prices, quantities, metrics
      • Temporal data: dates, times, timestamps (use short format: "Oct 21 2025")
      • Entities: people, companies, products, locations, organizations
      • Identifiers: URLs, IDs, codes, technical identifiers, versions
      • Key quotes, citations, sources (if relevant to agent's task)

      COMPRESS TO ESSENTIALS:
      • Descriptions: keep only key attributes
      • Explanations: distill to core insight
      • Lists: focus on most relevant items based on agent context
      • Background: minimal context only if critical

      REMOVE ENTIRELY:
      • Introductions, conclusions, transitions
      • Hedging language ("might", "possibly", "appears to")
      • Meta-commentary ("According to", "The results show")
      • Formatting artifacts (markdown, HTML, JSON structure)
      • Redundant or repetitive information
      • Generic background not relevant to agent's task
      • Promotional language, filler words

      Be concise while retaining all critical facts.
      """;

  private Compression() {}

  /** Compresses the run's uncompressed tool results when a limit is reached; does nothing when compression is off. */
  static void beforeModelCall(ActiveRun run) {
    CompressionSettings settings = run.runtime.participant().compression();
    ChatModel model = run.runtime.second().compressor();
    if (!settings.enabled() || model == null) {
      return;
    }
    List<Integer> pending = uncompressed(run);
    if (pending.isEmpty() || !due(settings, pending.size(), run.conversation())) {
      return;
    }
    run.emit(new RunEvent.CompressionStarted(run.scope, run.now()));
    String prompt = settings.instructions() == null ? DEFAULT_PROMPT : settings.instructions();
    for (int index : pending) {
      Message result = run.messages().get(index).message();
      run.compress(index, compressed(run, model, prompt, result));
    }
    int count = 0;
    long original = 0;
    long compressed = 0;
    for (RunMessage m : run.messages()) {
      if (m.compressedContent() != null && !m.fromHistory()) {
        count++;
        original += length(m.message().content());
        compressed += m.compressedContent().length();
      }
    }
    run.emit(new RunEvent.CompressionCompleted(run.scope, run.now(), count, original, compressed));
  }

  /** Agno's thresholds: the count of uncompressed results, or the estimated size of the context. */
  private static boolean due(CompressionSettings settings, int uncompressed, List<Message> conversation) {
    if (settings.toolResultsLimit() != null && uncompressed >= settings.toolResultsLimit()) {
      return true;
    }
    if (settings.tokenLimit() == null) {
      return false;
    }
    long chars = 0;
    for (Message m : conversation) {
      chars += length(m.content());
      for (var call : m.toolCalls()) {
        chars += call.arguments().length();
      }
    }
    return (chars + 3) / 4 >= settings.tokenLimit();
  }

  /** The positions of this run's tool results not yet compressed (history is replayed as it was stored). */
  private static List<Integer> uncompressed(ActiveRun run) {
    List<RunMessage> messages = run.messages();
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      RunMessage m = messages.get(i);
      if (m.message().role() == Role.TOOL && m.compressedContent() == null && !m.fromHistory()) {
        pending.add(i);
      }
    }
    return pending;
  }

  /**
   * The compressed form of one tool result. When the compression model fails the result is kept as it is (and counts
   * as compressed, so that it is not tried again at every request), as Agno does.
   */
  private static String compressed(ActiveRun run, ChatModel model, String prompt, Message result) {
    String content = "Tool: " + (result.toolName() == null ? "unknown" : result.toolName()) + "\n"
        + (result.content() == null ? "" : result.content());
    try {
      ChatResponse response = model.chat(new ChatRequest(List.of(Message.system(prompt),
          Message.user("Tool Results to Compress: " + content + "\n")), List.of(), null, null, false,
          run.cancellation), StreamListener.NONE);
      run.recordModelCall(response.usage(), null, null);
      if (response.content() != null && !response.content().isBlank()) {
        return response.content();
      }
      LOG.warn("run {}: the compression model returned nothing for a result of {}; kept as it is",
          run.scope.runId(), result.toolName());
    } catch (ModelException e) {
      if (e.cancelled() || run.cancellation.isCancelled()) {
        throw e;
      }
      LOG.warn("run {}: compressing a result of {} failed ({}); kept as it is", run.scope.runId(), result.toolName(),
          e.getMessage());
    }
    return result.content() == null ? "" : result.content();
  }

  private static int length(@Nullable String text) {
    return text == null ? 0 : text.length();
  }
}
