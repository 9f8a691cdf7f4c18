package dev.agentry.engine.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which input media each provider takes, in one place. A run whose media its model cannot take is refused before
 * it starts (the server answers 400), rather than failing at the provider or having its media dropped.
 *
 * <table>
 *   <caption>Media by provider (a {@code Model} resource's {@code input_media} narrows or widens the default, up to
 *   what the client can send)</caption>
 *   <tr><th>provider</th><th>default</th><th>client can send</th><th>limits</th></tr>
 *   <tr><td>openai, azure</td><td>image, audio, file</td><td>image, audio, file</td><td>images as URL or
 *       base64 (png, jpeg, gif, webp); audio as base64 wav or mp3 ({@code input_audio}); files as base64 PDF
 *       ({@code file}); no video</td></tr>
 *   <tr><td>ollama, openrouter, groq, together, vllm, lmstudio</td><td>image</td><td>image, audio, file</td>
 *       <td>as openai (same wire format)</td></tr>
 *   <tr><td>deepseek</td><td>none</td><td>image, audio, file</td><td>as openai</td></tr>
 *   <tr><td>anthropic</td><td>image, file</td><td>image, file</td><td>images as URL or base64 (png, jpeg, gif,
 *       webp); files as PDF (URL or base64) or text (text/*, JSON, code); no audio, no video</td></tr>
 *   <tr><td>scripted</td><td>none</td><td>all</td><td>media are accepted and ignored by the script</td></tr>
 * </table>
 *
 * <p>The server never fetches a URL for a model: a medium the provider cannot take by URL must come as content.
 */
public final class MediaSupport {
  private static final Set<MediaKind> NONE = EnumSet.noneOf(MediaKind.class);
  private static final Set<MediaKind> OPENAI_CLIENT = EnumSet.of(MediaKind.IMAGE, MediaKind.AUDIO, MediaKind.FILE);
  private static final Set<MediaKind> ANTHROPIC_CLIENT = EnumSet.of(MediaKind.IMAGE, MediaKind.FILE);
  private static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/gif", "image/webp");
  private static final List<String> OPENAI_AUDIO_FORMATS = List.of("wav", "mp3");
  private static final List<String> TEXT_LIKE = List.of("application/json", "application/x-javascript",
      "application/x-python", "application/xml");

  private MediaSupport() {}

  /** The media a provider's client can put on the wire: the most a {@code Model}'s {@code input_media} may name. */
  public static Set<MediaKind> sendable(String provider) {
    return switch (provider) {
      case "scripted" -> EnumSet.allOf(MediaKind.class);
      case "anthropic" -> ANTHROPIC_CLIENT;
      default -> OPENAI_CLIENT;
    };
  }

  /** The media a provider's models take when the {@code Model} resource does not set {@code input_media}. */
  public static Set<MediaKind> defaults(String provider) {
    return switch (provider) {
      case "openai", "azure" -> OPENAI_CLIENT;
      case "anthropic" -> ANTHROPIC_CLIENT;
      case "ollama", "openrouter", "groq", "together", "vllm", "lmstudio" -> EnumSet.of(MediaKind.IMAGE);
      default -> NONE; // scripted, deepseek
    };
  }

  /**
   * Why {@code model} cannot take a medium, or empty when it can.
   *
   * @param byUrl true when the medium is given by URL rather than as content
   * @param mimeType the medium's MIME type, when known
   * @param format the medium's format ("wav", "pdf"), when known
   */
  public static Optional<String> refusal(ModelDef model, MediaKind kind, boolean byUrl, @Nullable String mimeType,
      @Nullable String format) {
    Set<MediaKind> takes = model.inputMedia();
    if (!takes.contains(kind)) {
      return Optional.of("model " + model.qualifiedName() + " does not take " + kind.wireName() + " input (it takes "
          + describe(takes) + "; a Model resource can declare what its model takes with input_media)");
    }
    String who = "model " + model.qualifiedName();
    if (kind == MediaKind.IMAGE && !byUrl && mimeType == null && !model.provider().equals("scripted")) {
      return Optional.of("the image's type is unknown: give mime_type or format (png, jpeg, gif or webp)");
    }
    return switch (model.provider()) {
      case "scripted" -> Optional.empty();
      case "anthropic" -> anthropic(who, kind, byUrl, mimeType);
      default -> openAi(who, kind, byUrl, mimeType, format);
    };
  }

  private static Optional<String> openAi(String who, MediaKind kind, boolean byUrl, @Nullable String mimeType,
      @Nullable String format) {
    return switch (kind) {
      case IMAGE -> byUrl || IMAGE_TYPES.contains(mimeType) ? Optional.empty()
          : Optional.of(who + " takes png, jpeg, gif or webp images, not " + mimeType);
      case AUDIO -> byUrl ? Optional.of(who + " takes audio as base64 content, not by url")
          : OPENAI_AUDIO_FORMATS.contains(audioFormat(mimeType, format)) ? Optional.empty()
          : Optional.of(who + " takes wav or mp3 audio; give format (wav or mp3) or a matching mime_type");
      case FILE -> byUrl ? Optional.of(who + " takes files as base64 content, not by url")
          : mimeType == null || mimeType.equals("application/pdf") ? Optional.empty()
          : Optional.of(who + " takes PDF files, not " + mimeType);
      case VIDEO -> Optional.of(who + " cannot be sent video: the OpenAI wire format has no video input");
    };
  }

  private static Optional<String> anthropic(String who, MediaKind kind, boolean byUrl, @Nullable String mimeType) {
    return switch (kind) {
      case IMAGE -> byUrl || IMAGE_TYPES.contains(mimeType) ? Optional.empty()
          : Optional.of(who + " takes png, jpeg, gif or webp images, not " + mimeType);
      case FILE -> {
        boolean pdf = mimeType == null || mimeType.equals("application/pdf");
        if (byUrl) {
          yield pdf ? Optional.empty() : Optional.of(who + " takes only PDF documents by url");
        }
        yield pdf || isText(mimeType) ? Optional.empty()
            : Optional.of(who + " takes PDF or text documents, not " + mimeType);
      }
      case AUDIO, VIDEO -> Optional.of(who + " cannot be sent " + kind.wireName() + ": Anthropic takes no "
          + kind.wireName() + " input");
    };
  }

  /** True for a document sent as plain text (text/*, JSON, code). */
  public static boolean isText(@Nullable String mimeType) {
    return mimeType != null && (mimeType.startsWith("text/") || TEXT_LIKE.contains(mimeType));
  }

  /** The audio format ("wav", "mp3", ...) from {@code format} or the MIME type; null when neither says. */
  public static @Nullable String audioFormat(@Nullable String mimeType, @Nullable String format) {
    if (format != null && !format.isBlank()) {
      String f = format.strip().toLowerCase(java.util.Locale.ROOT);
      return f.equals("mpeg") ? "mp3" : f.equals("wave") ? "wav" : f;
    }
    if (mimeType == null) {
      return null;
    }
    return switch (mimeType) {
      case "audio/wav", "audio/wave", "audio/x-wav" -> "wav";
      case "audio/mpeg", "audio/mp3" -> "mp3";
      default -> mimeType.startsWith("audio/") ? mimeType.substring(6) : null;
    };
  }

  private static String describe(Set<MediaKind> kinds) {
    return kinds.isEmpty() ? "no media"
        : kinds.stream().sorted().map(MediaKind::wireName).collect(Collectors.joining(", "));
  }
}
