package dev.agentry.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass multipart reader on bodies that arrive a few bytes at a time, as a slow client sends them. */
class MultipartTest {
  private static final String TYPE = "multipart/form-data; boundary=\"b-1\"";

  @Test
  void file_parts_keep_their_exact_bytes_when_the_delimiter_arrives_split_across_reads() throws IOException {
    byte[] data = new byte[100_000];
    new Random(7).nextBytes(data);
    data[50_000] = '\r'; // a near-delimiter inside the file
    data[50_001] = '\n';
    data[50_002] = '-';
    data[50_003] = '-';
    byte[] body = body(field("message", "hi"), file("files\"; filename=\"a;b.bin", "application/octet-stream", data),
        field("stream", "false"));

    Multipart form = Multipart.read(new Trickle(body), TYPE, body.length, body.length);

    assertThat(form.fields().get("message")).containsExactly("hi");
    assertThat(form.fields().get("stream")).containsExactly("false");
    Multipart smallBuffer = Multipart.read(new Trickle(body), TYPE, body.length, 1); // a Content-Length that lies
    assertThat(smallBuffer.files().getFirst().bytes()).isEqualTo(data);
    assertThat(form.files()).singleElement().satisfies(f -> {
      assertThat(f.field()).isEqualTo("files");
      assertThat(f.filename()).isEqualTo("a;b.bin");
      assertThat(f.contentType()).isEqualTo("application/octet-stream");
      assertThat(f.bytes()).isEqualTo(data);
    });
  }

  @Test
  void an_extended_filename_wins_over_the_plain_one() throws IOException {
    byte[] body = body(file("files\"; filename*=UTF-8''%E2%82%AC%20rates.txt; filename=\"plain.txt", "text/plain",
        "x".getBytes(StandardCharsets.UTF_8)));

    Multipart form = Multipart.read(new ByteArrayInputStream(body), TYPE, body.length, -1);

    assertThat(form.files().getFirst().filename()).isEqualTo("€ rates.txt");
  }

  @Test
  void a_body_longer_than_the_limit_is_refused_without_reading_it_all() {
    byte[] body = body(file("files\"; filename=\"big.bin", "application/octet-stream", new byte[200_000]));
    Trickle in = new Trickle(body);

    assertThatThrownBy(() -> Multipart.read(in, TYPE, 64 * 1024, -1)).isInstanceOf(Multipart.TooLargeException.class);
    assertThat(in.read).isLessThan(100_000);
  }

  @Test
  void a_part_cut_short_is_malformed() {
    byte[] body = "--b-1\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\nabc"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Multipart.read(new ByteArrayInputStream(body), TYPE, 1000, body.length))
        .isInstanceOf(Multipart.MalformedException.class).hasMessage("unexpected end of the body in a part");
  }

  @Test
  void quoted_parameters_unescape_backslashes_and_keep_semicolons() {
    assertThat(PartHeaders.parameters("form-data; name=\"a\\\"b\"; filename=\"x;y.txt\"; z=plain"))
        .containsEntry("name", "a\"b").containsEntry("filename", "x;y.txt").containsEntry("z", "plain");
  }

  private static byte[] field(String name, String value) {
    return ("--b-1\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] file(String nameAndMore, String type, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--b-1\r\nContent-Disposition: form-data; name=\"" + nameAndMore + "\"\r\nContent-Type: " + type
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(data);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] body(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List.of(parts).forEach(out::writeBytes);
    out.writeBytes("--b-1--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A stream that hands out 1 to 4099 bytes per read, so delimiters straddle reads. */
  private static final class Trickle extends InputStream {
    private final byte[] data;
    private final Random random = new Random(42);
    int read;

    Trickle(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return read < data.length ? data[read++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(4099)), data.length - read);
      System.arraycopy(data, read, b, off, n);
      read += n;
      return n;
    }
  }
}
