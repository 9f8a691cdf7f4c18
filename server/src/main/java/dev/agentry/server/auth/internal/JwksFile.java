package dev.agentry.server.auth.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.ParseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of a JWKS file, read at start and read again whenever the file's modification time or size changes (a
 * cheap stat per token), so that rewriting the file rotates the keys. A file that turns unreadable keeps the keys
 * read last, with a warning.
 */
public final class JwksFile implements KeySource {
  private static final Logger LOG = LoggerFactory.getLogger(JwksFile.class);

  private final JWSAlgorithm algorithm;
  private final Path file;
  private volatile Snapshot snapshot;

  private record Snapshot(JwkSet keys, long modified, long size) {}

  private JwksFile(JWSAlgorithm algorithm, Path file, Snapshot snapshot) {
    this.algorithm = algorithm;
    this.file = file;
    this.snapshot = snapshot;
  }

  /**
   * Reads {@code file} now.
   *
   * @throws IllegalArgumentException when the file is missing or is not a JWKS document
   */
  public static JwksFile open(JWSAlgorithm algorithm, Path file) {
    try {
      return new JwksFile(algorithm, file, read(algorithm, file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the JWKS file " + file + ": " + e, e);
    } catch (ParseException e) {
      throw new IllegalArgumentException("the JWKS file " + file + " is not a JWKS document: " + e.getMessage(), e);
    }
  }

  @Override
  public @Nullable JWSVerifier find(@Nullable String kid) {
    Snapshot current = snapshot;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.lastModifiedTime().toMillis() != current.modified() || attributes.size() != current.size()) {
        current = reread(current);
      }
    } catch (IOException e) {
      // the file is gone for now: keep the keys read last (reread logs once per change)
    }
    return current.keys().find(kid);
  }

  private synchronized Snapshot reread(Snapshot seen) {
    if (snapshot != seen) {
      return snapshot;
    }
    try {
      snapshot = read(algorithm, file);
      LOG.info("read the JWKS file {} again", file);
    } catch (IOException | ParseException e) {
      LOG.warn("cannot read the changed JWKS file {} ({}); keeping the keys read before", file, e.getMessage());
      snapshot = new Snapshot(seen.keys(), fileTime(), fileSize());
    }
    return snapshot;
  }

  private long fileTime() {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  private long fileSize() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static Snapshot read(JWSAlgorithm algorithm, Path file) throws IOException, ParseException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
    return new Snapshot(JwkSet.of(algorithm, set, "JWKS file " + file), attributes.lastModifiedTime().toMillis(),
        attributes.size());
  }
}
