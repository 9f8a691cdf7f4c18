package dev.agentry.engine.llm;

import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Tells an image's MIME type from its first bytes, for images sent without {@code mime_type} or {@code format}. */
final class ImageTypes {
  private ImageTypes() {}

  /** The MIME type of base64 image content (png, jpeg, gif, webp), or null when it is none of them. */
  static @Nullable String sniff(String base64) {
    byte[] head;
    try {
      head = Base64.getMimeDecoder().decode(base64.substring(0, Math.min(base64.length(), 24)));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (starts(head, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (starts(head, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (starts(head, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (starts(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B'
        && head[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  private static boolean starts(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
