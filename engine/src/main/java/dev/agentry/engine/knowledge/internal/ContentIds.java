package dev.agentry.engine.knowledge.internal;

import dev.agentry.engine.knowledge.ContentUpload;

/**
 * Content ids as Agno computes them: a UUIDv5 of a hash of what identifies the content, so adding the same content
 * again finds the existing id. STUB: filled in by the readers work (issue 16).
 */
public final class ContentIds {
  private ContentIds() {}

  /** The id of uploaded (or tool-added, or spec-declared) content. */
  public static String of(ContentUpload upload) {
    throw new UnsupportedOperationException("content ids not written yet");
  }
}
