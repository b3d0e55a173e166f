package io.caravan.routes.trigger.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.support.secrets.SecretStore;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A {@code git} source (Argo's git artifact reader) with JGit: clones {@code url} into a fresh
 * temporary directory (deleted afterwards), picks {@code ref}, else {@code tag}, else {@code
 * branch} (default {@code master}) and reads {@code filePath} from that commit. {@code filePath}
 * may not leave the repository ({@code ..}). HTTP(S) and local repositories; {@code creds
 * {username, password}} are Secret references read from the runtime's {@link SecretStore}.
 *
 * <p>Not supported (a clear error): {@code sshKeySecret} and {@code ssh}/{@code git@} URLs, {@code
 * githubApp}, {@code remote}. {@code cloneDirectory} is not used: every read clones afresh.
 */
final class GitArtifact {
  private final JsonNode git;
  private final Supplier<SecretStore> secrets;
  private final String field;

  GitArtifact(JsonNode git, Supplier<SecretStore> secrets, String field) {
    this.git = git;
    this.secrets = secrets;
    this.field = field;
  }

  String read() {
    String url = ArtifactReader.required(git, "url", field);
    String filePath = ArtifactReader.required(git, "filePath", field);
    rejectUnsupported(url);
    if (Path.of(filePath).normalize().startsWith("..")
        || Path.of(filePath).isAbsolute()
        || filePath.contains("../")) {
      throw new IllegalArgumentException(
          field + ".filePath: '" + filePath + "' leaves the repository");
    }
    Path directory;
    try {
      directory = Files.createTempDirectory("caravan-git-");
    } catch (IOException e) {
      throw new IllegalStateException(
          field + ": cannot create a clone directory: " + e.getMessage(), e);
    }
    try {
      CloneCommand clone =
          Git.cloneRepository()
              .setURI(url)
              .setDirectory(directory.toFile())
              .setNoCheckout(true)
              .setCloneAllBranches(true)
              .setTagOption(TagOpt.FETCH_TAGS);
      if (git.hasNonNull("creds")) {
        clone.setCredentialsProvider(
            new UsernamePasswordCredentialsProvider(secret("username"), secret("password")));
      }
      try (Git repository = clone.call()) {
        return readFile(repository, filePath);
      }
    } catch (GitAPIException e) {
      throw new ArtifactUnavailableException(
          field + ": cannot clone " + url + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ArtifactUnavailableException(
          field + ": cannot read " + filePath + ": " + e.getMessage(), e);
    } finally {
      delete(directory);
    }
  }

  private String readFile(Git repository, String filePath) throws IOException, GitAPIException {
    Repository repo = repository.getRepository();
    ObjectId commitId = revision(repository);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(commitId);
      try (TreeWalk tree = TreeWalk.forPath(repo, filePath, commit.getTree())) {
        if (tree == null) {
          throw new IllegalArgumentException(
              field
                  + ".filePath: '"
                  + filePath
                  + "' is not in "
                  + commit.getName().substring(0, 7));
        }
        return new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private ObjectId revision(Git repository) throws IOException, GitAPIException {
    Repository repo = repository.getRepository();
    String ref = text("ref");
    if (ref != null) {
      ObjectId id = repo.resolve(ref + "^{commit}");
      if (id == null) {
        String local = "refs/caravan/fetched";
        repository
            .fetch()
            .setRemote("origin")
            .setRefSpecs("+" + ref + ":" + local)
            .setCredentialsProvider(clonedCredentials())
            .call();
        id = repo.resolve(local + "^{commit}");
      }
      return found(id, "ref '" + ref + "'");
    }
    String tag = text("tag");
    if (tag != null) {
      return found(repo.resolve("refs/tags/" + tag + "^{commit}"), "tag '" + tag + "'");
    }
    String branch = text("branch") == null ? "master" : text("branch");
    return found(
        repo.resolve("refs/remotes/origin/" + branch + "^{commit}"), "branch '" + branch + "'");
  }

  private UsernamePasswordCredentialsProvider clonedCredentials() {
    return git.hasNonNull("creds")
        ? new UsernamePasswordCredentialsProvider(secret("username"), secret("password"))
        : null;
  }

  private ObjectId found(ObjectId id, String what) {
    if (id == null) {
      throw new IllegalArgumentException(field + ": " + what + " is not in the repository");
    }
    return id;
  }

  private void rejectUnsupported(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (git.hasNonNull("sshKeySecret") || lower.startsWith("ssh://") || lower.startsWith("git@")) {
      throw new IllegalArgumentException(
          field
              + ": ssh access (sshKeySecret, ssh URLs) is not supported by "
              + "Caravan yet; use an https URL with creds");
    }
    if (git.hasNonNull("githubApp")) {
      throw new IllegalArgumentException(
          field + ".githubApp: is not supported by Caravan yet; use creds");
    }
    if (git.hasNonNull("remote")) {
      throw new IllegalArgumentException(field + ".remote: is not supported by Caravan yet");
    }
  }

  private String secret(String which) {
    JsonNode selector = git.path("creds").path(which);
    String name = ArtifactReader.required(selector, "name", field + ".creds." + which);
    String key = ArtifactReader.required(selector, "key", field + ".creds." + which);
    return secrets
        .get()
        .secret(name, key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    field
                        + ".creds."
                        + which
                        + ": Secret '"
                        + name
                        + "' has no key '"
                        + key
                        + "'"));
  }

  private String text(String name) {
    JsonNode value = git.path(name);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
