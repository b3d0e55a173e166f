package io.caravan.routes.support.kubernetes;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resource names of a Kubernetes kind derived as Argo Events does, without discovery: an
 * all-lowercase English plural of the kind, and a fixed list of cluster-scoped resources. Caravan
 * uses it only when API discovery does not list the kind (see {@code KubernetesResourceTypes}).
 */
public final class KubernetesResourceNames {
  private static final Map<String, String> EXCEPTIONS = Map.of("EventBus", "eventbus");
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("namespaces", "nodes", "persistentvolumes", "clusterroles", "clusterrolebindings");

  private KubernetesResourceNames() {}

  /**
   * The plural resource name of {@code kind}, e.g. {@code Workflow → workflows}, {@code Ingress →
   * ingresses}.
   */
  public static String plural(String kind) {
    String exception = EXCEPTIONS.get(kind);
    if (exception != null) {
      return exception;
    }
    String word = kind.toLowerCase(Locale.ROOT);
    if (word.length() < 2) {
      return word;
    }
    char last = word.charAt(word.length() - 1);
    char beforeLast = word.charAt(word.length() - 2);
    switch (last) {
      case 's', 'x', 'z':
        return word + "es";
      case 'y':
        return isVowel(beforeLast) ? word + "s" : word.substring(0, word.length() - 1) + "ies";
      case 'h':
        return beforeLast == 'c' || beforeLast == 's' ? word + "es" : word + "s";
      case 'e':
        return beforeLast == 'f' ? word.substring(0, word.length() - 2) + "ves" : word + "s";
      case 'f':
        return word.substring(0, word.length() - 1) + "ves";
      default:
        return word + "s";
    }
  }

  /** Whether objects of this plural resource live outside namespaces (Argo's fixed list). */
  public static boolean clusterScoped(String plural) {
    return CLUSTER_SCOPED.contains(plural);
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
