package io.caravan.routes.source.bitbucketserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.bitbucketserver.BitbucketServerApi.Repo;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Bitbucket Server endpoint (Argo's {@code bitbucketserver/start.go}): the {@code
 * X-Hub-Signature} HMAC-SHA256 check, {@code repo:refs_changed} handling ({@code
 * skipBranchRefsChangedOnOpenPR}, {@code oneEventPerChange}) and the event data {@code {headers,
 * body, metadata}}; hook management runs on {@link HookMaintenance}'s thread.
 */
final class BitbucketServerReceiver implements WebhookReceiver {
  static final String REFS_CHANGED = "repo:refs_changed";
  static final String INVALID = "failed to validate bitbucketserver webhook request: ";

  private final WebhookReceiverContext context;
  private final BitbucketServerApi api;
  private final boolean skipOnOpenPr;
  private final boolean oneEventPerChange;
  private final BitbucketServerHooks hooks;
  private final HookMaintenance maintenance;
  private final boolean deleteHookOnFinish;

  BitbucketServerReceiver(
      WebhookReceiverContext context,
      BitbucketServerApi api,
      boolean skipOnOpenPr,
      boolean oneEventPerChange,
      BitbucketServerHooks hooks,
      HookMaintenance maintenance,
      boolean deleteHookOnFinish) {
    this.context = context;
    this.api = api;
    this.skipOnOpenPr = skipOnOpenPr;
    this.oneEventPerChange = oneEventPerChange;
    this.hooks = hooks;
    this.maintenance = maintenance;
    this.deleteHookOnFinish = deleteHookOnFinish;
  }

  @Override
  public WebhookReply receive(WebhookRequest request) throws Exception {
    String secret = context.secret("webhookSecret").orElse("");
    if (!secret.isEmpty()) {
      String signature = request.header("X-Hub-Signature");
      if (signature == null || signature.isEmpty()) {
        return WebhookReply.refuse(400, INVALID + "missing signature header");
      }
      // as Argo: the first 7 characters ("sha256=") are skipped, not compared
      String given = signature.length() < 7 ? "" : signature.substring(7);
      if (!MessageDigest.isEqual(
          given.getBytes(StandardCharsets.UTF_8),
          hmacHex(secret, request.body()).getBytes(StandardCharsets.UTF_8))) {
        return WebhookReply.refuse(400, INVALID + "hmac verification failed");
      }
    }
    List<JsonNode> bodies = new ArrayList<>();
    if (!REFS_CHANGED.equals(request.header("X-Event-Key"))) {
      try {
        bodies.add(WebhookEventData.rawJson(request.body()));
      } catch (IllegalArgumentException e) {
        return WebhookReply.refuse(400, "invalid event");
      }
    } else {
      JsonNode refsChanged;
      try {
        refsChanged = WebhookEventData.rawJson(request.body());
      } catch (IllegalArgumentException e) {
        return WebhookReply.refuse(400, "decoding repo:refs_changed webhook: " + e.getMessage());
      }
      JsonNode changesNode = refsChanged.path("changes");
      boolean changesOk =
          changesNode.isArray() || changesNode.isMissingNode() || changesNode.isNull();
      if (!refsChanged.isObject() || !changesOk) {
        return WebhookReply.refuse(
            400,
            "decoding repo:refs_changed webhook: json: cannot unmarshal into refs_changed event");
      }
      List<JsonNode> changes = new ArrayList<>();
      refsChanged.path("changes").forEach(changes::add);
      if (skipOnOpenPr && api != null) {
        try {
          changes = withoutOpenPullRequests(refsChanged, changes);
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          return WebhookReply.refuse(400, "filtering changes for open prs: " + e.getMessage());
        }
        if (changes.isEmpty()) {
          return WebhookReply.events(List.of());
        }
      }
      if (oneEventPerChange) {
        for (JsonNode change : changes) {
          ObjectNode one = ((ObjectNode) refsChanged).deepCopy();
          ArrayNode single = one.putArray("changes");
          single.add(change);
          bodies.add(one);
        }
      } else {
        // as Argo: the request's payload, even when some of its changes were filtered out
        bodies.add(refsChanged);
      }
    }
    List<ObjectNode> events = new ArrayList<>();
    for (JsonNode body : bodies) {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.set("headers", WebhookEventData.headersJson(request.headers()));
      data.set("body", body);
      if (context.metadata() != null && !context.metadata().isEmpty()) {
        data.set("metadata", context.metadata().deepCopy());
      }
      events.add(data);
    }
    return WebhookReply.events(events);
  }

  /** Keeps the changes that are not of a branch, deletions, or commits without an open PR. */
  private List<JsonNode> withoutOpenPullRequests(JsonNode refsChanged, List<JsonNode> changes)
      throws Exception {
    Repo repo =
        new Repo(
            refsChanged.at("/repository/project/key").asText(""),
            refsChanged.at("/repository/slug").asText(""));
    List<JsonNode> kept = new ArrayList<>();
    for (JsonNode change : changes) {
      if (!"BRANCH".equals(change.at("/ref/type").asText())
          || "DELETE".equals(change.path("type").asText())) {
        kept.add(change);
        continue;
      }
      String commit = change.path("toHash").asText("");
      List<JsonNode> pullRequests;
      try {
        pullRequests = api.pullRequests(repo, commit);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(
            "checking if changed branch ref has an open pull request: getting commit pull requests"
                + " for project "
                + repo.projectKey()
                + ", repository "
                + repo.slug()
                + " and commit "
                + commit
                + ": "
                + e.getMessage(),
            e);
      }
      boolean open =
          pullRequests.stream().anyMatch(pr -> "OPEN".equalsIgnoreCase(pr.path("state").asText()));
      if (!open) {
        kept.add(change);
      }
    }
    return kept;
  }

  static String hmacHex(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Override
  public void start() {
    if (maintenance != null) {
      maintenance.start();
    }
  }

  @Override
  public void close() {
    if (maintenance != null) {
      maintenance.close();
    }
    if (hooks != null && deleteHookOnFinish) {
      hooks.deleteAll();
    }
  }

  /** The hook management, or null when hooks are not managed (tests). */
  HookMaintenance maintenance() {
    return maintenance;
  }

  BitbucketServerHooks hooks() {
    return hooks;
  }
}
