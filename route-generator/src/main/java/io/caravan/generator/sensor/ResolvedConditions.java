package io.caravan.generator.sensor;

import java.util.List;

/**
 * A trigger's condition expression as handed to the runtime (names as declared) and the
 * dependencies it names, in declaration order.
 */
record ResolvedConditions(String expression, List<String> dependencies) {}
