package io.caravan.routes.source.sns;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * The endpoint's subscription to the topic through the SNS API (Argo's {@code PostActivate} /
 * {@code PostInactivate}): {@code Subscribe} with the hook URL (protocol https when the URL is,
 * else http), {@code ConfirmSubscription} with the token of a {@code SubscriptionConfirmation}
 * (keeping the subscription ARN) and {@code Unsubscribe} of that ARN when the endpoint stops.
 */
final class SnsSubscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnsSubscription.class);

  private final String where;
  private final SnsClient client;
  private final String topicArn;
  private final String hookUrl;
  private final AtomicReference<String> subscriptionArn = new AtomicReference<>();

  SnsSubscription(
      String where,
      String region,
      String accessKey,
      String secretKey,
      String apiEndpoint,
      String topicArn,
      String hookUrl) {
    this.where = where;
    this.topicArn = topicArn;
    this.hookUrl = hookUrl;
    AwsCredentialsProvider credentials =
        accessKey != null && secretKey != null
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
            : DefaultCredentialsProvider.builder().build();
    SnsClientBuilder builder =
        SnsClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create());
    if (apiEndpoint != null) {
      builder.endpointOverride(URI.create(apiEndpoint));
    }
    this.client = builder.build();
  }

  /** Subscribes the hook URL to the topic; throws when the API fails (the caller retries). */
  void subscribe() {
    if (hookUrl == null) {
      return;
    }
    String protocol = hookUrl.contains("https://") ? "https" : "http";
    client.subscribe(b -> b.topicArn(topicArn).protocol(protocol).endpoint(hookUrl));
    LOG.info("{}: subscribed {} to {}, waiting for its confirmation", where, hookUrl, topicArn);
  }

  /** Confirms a subscription with the message's token; throws when the API fails. */
  void confirm(String token) {
    String arn =
        client.confirmSubscription(b -> b.topicArn(topicArn).token(token)).subscriptionArn();
    subscriptionArn.set(arn);
    LOG.info("{}: subscription {} confirmed", where, arn);
  }

  String subscriptionArn() {
    return subscriptionArn.get();
  }

  /** Unsubscribes the confirmed subscription (failures are logged), then closes the client. */
  @Override
  public void close() {
    String arn = subscriptionArn.getAndSet(null);
    try {
      if (arn != null) {
        client.unsubscribe(b -> b.subscriptionArn(arn));
        LOG.info("{}: unsubscribed {}", where, arn);
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: failed to unsubscribe {}: {}", where, arn, e.getMessage());
    } finally {
      client.close();
    }
  }
}
