package io.caravan.generator;

/**
 * One finding about a manifest: where it is ({@code path}, a dotted field path such as {@code
 * spec.webhook.example.port}) and what is wrong.
 *
 * <p>Messages for fields or types Caravan knows from Argo but does not implement yet start with
 * {@code "unsupported: "}; fields that Argo does not have either start with {@code "unknown
 * field"}.
 */
public record Diagnostic(Severity severity, String path, String message) {

  public enum Severity {
    /** The manifest cannot run as written. */
    ERROR,
    /** It runs, but something is ignored or suspicious. */
    WARNING
  }

  public static Diagnostic error(String path, String message) {
    return new Diagnostic(Severity.ERROR, path, message);
  }

  public static Diagnostic warning(String path, String message) {
    return new Diagnostic(Severity.WARNING, path, message);
  }

  public static Diagnostic unsupported(String path, String what) {
    return new Diagnostic(Severity.ERROR, path, "unsupported: " + what);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
