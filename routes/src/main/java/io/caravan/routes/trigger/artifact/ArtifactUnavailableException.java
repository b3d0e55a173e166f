package io.caravan.routes.trigger.artifact;

/**
 * A source that could not be read this time (I/O, an HTTP status, a clone); reading it again may
 * work.
 */
final class ArtifactUnavailableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ArtifactUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
