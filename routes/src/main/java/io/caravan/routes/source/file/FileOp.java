package io.caravan.routes.source.file;

/** Argo's file operations (its {@code fsevent.Op}): the name matched by eventType, the number. */
enum FileOp {
  CREATE(1),
  WRITE(2),
  REMOVE(4),
  RENAME(8),
  CHMOD(16);

  private final int number;

  FileOp(int number) {
    this.number = number;
  }

  /** The value of {@code op} in the event data. */
  int number() {
    return number;
  }
}
