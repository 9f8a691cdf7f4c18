package dev.agentry.engine.llm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.agentry.engine.model.MediaKind;
import dev.agentry.engine.model.MediaSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An image, audio clip, video or file given to a run as input, with the fields of Agno's {@code agno.media} classes
 * ({@code Image}, {@code Audio}, {@code Video}, {@code File}) as their {@code to_dict()} writes them: exactly one of
 * {@code url} and {@code content}; {@code content} is base64, except for a file whose MIME type is {@code text/*},
 * whose content is the text itself (as Agno stores it). There is no {@code filepath}: media never name a file on the
 * machine that runs the model.
 */
public sealed interface Media permits Media.Image, Media.Audio, Media.Video, Media.File {
  String id();

  @Nullable String url();

  @Nullable String content();

  @Nullable String mimeType();

  @Nullable String format();

  /** Which kind of medium this is. */
  @JsonIgnore
  MediaKind kind();

  /** The MIME type the medium is sent with: its own, else one its format or content implies; null when unknown. */
  @JsonIgnore
  default @Nullable String mediaType() {
    return mimeType();
  }

  /** The content as base64, as providers take it; null for a medium given by URL. */
  @JsonIgnore
  default @Nullable String base64() {
    return content();
  }

  /** An image ({@code agno.media.Image}); {@code detail} is OpenAI's low/high/auto fidelity. */
  record Image(String id, @Nullable String url, @Nullable String content, @Nullable String mimeType,
      @Nullable String format, @Nullable String detail) implements Media {
    public Image {
      id = checked(id, url, content);
    }

    public static Image ofUrl(String url) {
      return new Image(null, url, null, null, null, null);
    }

    public static Image of(byte[] bytes, @Nullable String mimeType) {
      return new Image(null, null, Base64.getEncoder().encodeToString(bytes), mimeType, null, null);
    }

    @Override
    public MediaKind kind() {
      return MediaKind.IMAGE;
    }

    @Override
    public @Nullable String mediaType() {
      if (mimeType != null) {
        return mimeType.equals("image/jpg") ? "image/jpeg" : mimeType;
      }
      if (format != null) {
        String f = format.toLowerCase(Locale.ROOT);
        return "image/" + (f.equals("jpg") ? "jpeg" : f);
      }
      return content == null ? null : ImageTypes.sniff(content);
    }
  }

  /** An audio clip ({@code agno.media.Audio}); {@code format} is "wav", "mp3", ... */
  record Audio(String id, @Nullable String url, @Nullable String content, @Nullable String mimeType,
      @Nullable String format) implements Media {
    public Audio {
      id = checked(id, url, content);
    }

    public static Audio of(byte[] bytes, @Nullable String mimeType, @Nullable String format) {
      return new Audio(null, null, Base64.getEncoder().encodeToString(bytes), mimeType, format);
    }

    @Override
    public MediaKind kind() {
      return MediaKind.AUDIO;
    }

    /** The audio format providers want ("wav", "mp3"), from {@code format} or the MIME type. */
    public @Nullable String audioFormat() {
      return MediaSupport.audioFormat(mimeType, format);
    }
  }

  /** A video ({@code agno.media.Video}). */
  record Video(String id, @Nullable String url, @Nullable String content, @Nullable String mimeType,
      @Nullable String format) implements Media {
    public Video {
      id = checked(id, url, content);
    }

    public static Video of(byte[] bytes, @Nullable String mimeType, @Nullable String format) {
      return new Video(null, null, Base64.getEncoder().encodeToString(bytes), mimeType, format);
    }

    @Override
    public MediaKind kind() {
      return MediaKind.VIDEO;
    }
  }

  /** A document ({@code agno.media.File}): a PDF, text, JSON, an office file. */
  record File(String id, @Nullable String url, @Nullable String content, @Nullable String mimeType,
      @Nullable String format, @Nullable String filename, @Nullable String name, @Nullable Long size)
      implements Media {
    public File {
      id = checked(id, url, content);
    }

    /** A file from its bytes: text files keep their text, others are base64, as Agno stores them. */
    public static File of(byte[] bytes, @Nullable String mimeType, @Nullable String filename) {
      String content = mimeType != null && mimeType.startsWith("text/") ? new String(bytes, StandardCharsets.UTF_8)
          : Base64.getEncoder().encodeToString(bytes);
      String format = filename != null && filename.contains(".")
          ? filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : null;
      return new File(null, null, content, mimeType, format, filename, null, (long) bytes.length);
    }

    @Override
    public MediaKind kind() {
      return MediaKind.FILE;
    }

    /** True when the content is the text itself rather than base64 (a {@code text/*} file). */
    @JsonIgnore
    public boolean isRawText() {
      return mimeType != null && mimeType.startsWith("text/");
    }

    @Override
    public @Nullable String base64() {
      return content == null || !isRawText() ? content
          : Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The content as text (decoded from base64 unless it is raw text); null for a file given by URL. */
    public @Nullable String text() {
      if (content == null || isRawText()) {
        return content;
      }
      return new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8);
    }

    /** The name to send the file under: its filename, its name, or "file". */
    @JsonIgnore
    public String displayName() {
      return filename != null ? filename : name != null ? name : "file";
    }
  }

  private static String checked(@Nullable String id, @Nullable String url, @Nullable String content) {
    if ((url == null) == (content == null)) {
      throw new IllegalArgumentException(url == null ? "one of 'url' or 'content' must be provided"
          : "only one of 'url' or 'content' should be provided");
    }
    return id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
  }
}
