package dev.agentry.engine.knowledge.internal.base;

import dev.agentry.engine.knowledge.ContentUpload;
import java.io.IOException;

/** What a content is read from when its ingestion runs: an upload kept in memory or on disk, or a spec's file. */
@FunctionalInterface
interface Payload {
  ContentUpload load() throws IOException;

  static Payload of(ContentUpload upload) {
    return () -> upload;
  }
}
