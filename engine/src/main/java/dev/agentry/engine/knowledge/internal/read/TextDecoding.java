package dev.agentry.engine.knowledge.internal.read;

import dev.agentry.engine.knowledge.KnowledgeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding for the text-based readers: bad bytes are an error naming the file, not mojibake. */
final class TextDecoding {
  private TextDecoding() {}

  static String utf8(String name, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new KnowledgeException("Could not read '" + name + "': it is not UTF-8 text (" + e.getMessage() + ").",
          e);
    }
  }
}
