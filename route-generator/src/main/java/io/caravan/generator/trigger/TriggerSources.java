package io.caravan.generator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the {@code source} of a k8s or argoWorkflow trigger (inventory §4.6): exactly one of
 * resource, inline, configmap, file, url, git, s3; s3 and git over ssh / GitHub App are
 * unsupported. The runtime reads the source when the trigger fires.
 */
public final class TriggerSources {
  private TriggerSources() {}

  /** True when the source can be read by the runtime; otherwise diagnostics say why. */
  public static boolean check(ArtifactLocation source, String path, Diagnostics diagnostics) {
    if (source == null) {
      diagnostics.error(path, "source is required");
      return false;
    }
    List<String> set = new ArrayList<>();
    add(set, "resource", source.getResource());
    add(set, "inline", source.getInline());
    add(set, "configmap", source.getConfigmap());
    add(set, "file", source.getFile());
    add(set, "url", source.getUrl());
    add(set, "git", source.getGit());
    add(set, "s3", source.getS3());
    if (set.isEmpty()) {
      diagnostics.error(
          path, "source needs one of resource, inline, configmap, file, url, git, s3");
      return false;
    }
    if (set.size() > 1) {
      diagnostics.error(path, "source sets " + String.join(", ", set) + ": set exactly one");
      return false;
    }
    return switch (set.get(0)) {
      case "resource" -> {
        if (!source.getResource().isObject()) {
          diagnostics.error(path + ".resource", "resource must be a Kubernetes object (a mapping)");
          yield false;
        }
        yield true;
      }
      case "inline" -> true;
      case "configmap" ->
          fields(source.getConfigmap(), path + ".configmap", diagnostics, "name", "key");
      case "file" -> fields(source.getFile(), path + ".file", diagnostics, "path");
      case "url" -> fields(source.getUrl(), path + ".url", diagnostics, "path");
      case "git" -> git(source.getGit(), path + ".git", diagnostics);
      default -> {
        diagnostics.unsupported(path + ".s3", "trigger source 's3'");
        yield false;
      }
    };
  }

  private static boolean git(JsonNode git, String path, Diagnostics diagnostics) {
    boolean ok = fields(git, path, diagnostics, "url", "filePath");
    String url = git.path("url").asText("");
    if (git.hasNonNull("sshKeySecret") || url.startsWith("ssh://") || url.startsWith("git@")) {
      diagnostics.unsupported(
          git.hasNonNull("sshKeySecret") ? path + ".sshKeySecret" : path + ".url",
          "git over ssh (use an https URL with creds)");
      ok = false;
    }
    if (git.hasNonNull("githubApp")) {
      diagnostics.unsupported(path + ".githubApp", "git GitHub App credentials (use creds)");
      ok = false;
    }
    if (git.hasNonNull("remote")) {
      diagnostics.unsupported(path + ".remote", "git remote");
      ok = false;
    }
    String filePath = git.path("filePath").asText("");
    if (filePath.startsWith("/")
        || filePath.equals("..")
        || filePath.startsWith("../")
        || filePath.contains("/../")) {
      diagnostics.error(path + ".filePath", "filePath must stay inside the repository");
      ok = false;
    }
    for (String which : List.of("username", "password")) {
      JsonNode selector = git.path("creds").path(which);
      if (git.hasNonNull("creds")
          && (!selector.path("name").isTextual() || !selector.path("key").isTextual())) {
        diagnostics.error(
            path + ".creds." + which, "creds." + which + " needs a Secret name and key");
        ok = false;
      }
    }
    return ok;
  }

  private static boolean fields(
      JsonNode node, String path, Diagnostics diagnostics, String... names) {
    boolean ok = true;
    for (String name : names) {
      if (!node.path(name).isTextual() || node.path(name).asText().isBlank()) {
        diagnostics.error(path + "." + name, name + " is required");
        ok = false;
      }
    }
    return ok;
  }

  private static void add(List<String> set, String name, Object value) {
    if (value != null && !(value instanceof JsonNode node && node.isNull())) {
      set.add(name);
    }
  }

  /** Trigger sources Caravan cannot read: s3, git over ssh or with a GitHub App, git remotes. */
  public static void unsupported(String s, ArtifactLocation source, List<Diagnostic> out) {
    if (source == null) {
      return;
    }
    if (source.getS3() != null) {
      out.add(Diagnostic.unsupported(s + ".s3", "trigger source 's3'"));
    }
    JsonNode git = source.getGit();
    if (git != null && !git.isNull()) {
      String url = git.path("url").asText("");
      if (git.hasNonNull("sshKeySecret")) {
        out.add(
            Diagnostic.unsupported(
                s + ".git.sshKeySecret", "git over ssh (use an https URL with creds)"));
      } else if (url.startsWith("ssh://") || url.startsWith("git@")) {
        out.add(
            Diagnostic.unsupported(s + ".git.url", "git over ssh (use an https URL with creds)"));
      }
      if (git.hasNonNull("githubApp")) {
        out.add(
            Diagnostic.unsupported(s + ".git.githubApp", "git GitHub App credentials (use creds)"));
      }
      if (git.hasNonNull("remote")) {
        out.add(Diagnostic.unsupported(s + ".git.remote", "git remote"));
      }
    }
  }
}
