package dev.agentry.engine.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes spec files strictly as UTF-8 (a byte-order mark is allowed and dropped): a file in another encoding gets
 * a diagnostic at the first byte that is not UTF-8, instead of silently garbled text.
 */
final class Utf8Text {
  private Utf8Text() {}

  static @Nullable String decode(String file, byte[] bytes, List<Diagnostic> diagnostics) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      String text = decoder.decode(in).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (MalformedInputException e) {
      int offset = in.position();
      String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int column = 1 + before.length() - (before.lastIndexOf('\n') + 1);
      diagnostics.add(Diagnostic.error(file, new SourceMap.Mark(line, column), "", "not-utf8",
          String.format("file is not valid UTF-8: byte 0x%02X cannot start a character", bytes[offset] & 0xFF),
          "save the file as UTF-8"));
      return null;
    } catch (CharacterCodingException e) {
      diagnostics.add(Diagnostic.error(file, new SourceMap.Mark(1, 1), "", "not-utf8", "file is not valid UTF-8",
          "save the file as UTF-8"));
      return null;
    }
  }
}
