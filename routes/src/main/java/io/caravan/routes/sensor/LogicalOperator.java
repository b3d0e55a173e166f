package io.caravan.routes.sensor;

/**
 * Argo's {@code and}/{@code or} operators: empty means {@code and}; case-sensitive, as Argo
 * validates.
 */
final class LogicalOperator {
  private LogicalOperator() {}

  /**
   * @throws IllegalArgumentException naming {@code field} for anything but "", and, or
   */
  static boolean isOr(String value, String field) {
    if (value == null || value.isEmpty() || value.equals("and")) {
      return false;
    }
    if (value.equals("or")) {
      return true;
    }
    throw new IllegalArgumentException(
        field + ": unknown logical operator '" + value + "' (and, or)");
  }
}
