package io.caravan.generator.source.nats;

import io.caravan.api.eventsource.nats.NatsJetStream;
import io.caravan.expr.GoDuration;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules and route parameters of the Caravan extension {@code nats.<event>.jetStream}: a durable
 * JetStream consumer acknowledged after the bus stored each event.
 */
final class NatsJetStreamRules {
  static final Set<String> DELIVER_POLICIES = Set.of("all", "new", "last", "lastPerSubject");

  private NatsJetStreamRules() {}

  static void check(String path, NatsJetStream jetStream, List<Diagnostic> out) {
    if (jetStream == null) {
      return;
    }
    if (blank(jetStream.getStream())) {
      out.add(Diagnostic.error(path + ".stream", "stream must be specified"));
    } else if (!validName(jetStream.getStream())) {
      out.add(
          Diagnostic.error(
              path + ".stream",
              "stream '" + jetStream.getStream() + "' must not contain '.', '*', '>' or spaces"));
    }
    if (blank(jetStream.getDurable())) {
      out.add(Diagnostic.error(path + ".durable", "durable must be specified"));
    } else if (!validName(jetStream.getDurable())) {
      out.add(
          Diagnostic.error(
              path + ".durable",
              "durable '" + jetStream.getDurable() + "' must not contain '.', '*', '>' or spaces"));
    }
    if (jetStream.getDeliverPolicy() != null
        && !DELIVER_POLICIES.contains(jetStream.getDeliverPolicy())) {
      out.add(
          Diagnostic.error(
              path + ".deliverPolicy",
              "deliverPolicy '"
                  + jetStream.getDeliverPolicy()
                  + "' must be one of all, new, last, lastPerSubject"));
    }
    if (jetStream.getAckWait() != null) {
      String problem = ackWaitProblem(jetStream.getAckWait());
      if (problem != null) {
        out.add(Diagnostic.error(path + ".ackWait", problem));
      }
    }
    if (jetStream.getMaxDeliver() != null
        && jetStream.getMaxDeliver() != -1
        && jetStream.getMaxDeliver() < 1) {
      out.add(Diagnostic.error(path + ".maxDeliver", "maxDeliver must be -1 or at least 1"));
    }
  }

  /** The block's errors into {@code diagnostics}; false when there was one (no route). */
  static boolean report(String path, NatsJetStream jetStream, Diagnostics diagnostics) {
    List<Diagnostic> out = new ArrayList<>();
    check(path, jetStream, out);
    boolean ok = true;
    for (Diagnostic problem : out) {
      if (problem.isError()) {
        diagnostics.error(problem.path(), problem.message());
        ok = false;
      }
    }
    return ok;
  }

  static void put(Map<String, Object> parameters, NatsJetStream jetStream) {
    if (jetStream == null) {
      return;
    }
    parameters.put("jetStreamStream", jetStream.getStream());
    parameters.put("jetStreamDurable", jetStream.getDurable());
    parameters.put(
        "jetStreamDeliverPolicy",
        jetStream.getDeliverPolicy() == null ? "all" : jetStream.getDeliverPolicy());
    if (jetStream.getAckWait() != null) {
      parameters.put("jetStreamAckWait", jetStream.getAckWait());
    }
    if (jetStream.getMaxDeliver() != null) {
      parameters.put("jetStreamMaxDeliver", jetStream.getMaxDeliver());
    }
  }

  private static String ackWaitProblem(String text) {
    try {
      if (GoDuration.parse(text).isNegative() || GoDuration.parse(text).isZero()) {
        return "ackWait must be positive";
      }
      return null;
    } catch (IllegalArgumentException e) {
      return "ackWait: " + e.getMessage();
    }
  }

  private static boolean validName(String name) {
    return !name.matches(".*[.*>\\s].*");
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
