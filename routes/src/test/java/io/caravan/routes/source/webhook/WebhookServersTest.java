package io.caravan.routes.source.webhook;

import static io.caravan.routes.testing.Http.get;
import static io.caravan.routes.testing.Http.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Servers shared per port, several ports in one CamelContext, and answers that wait for the route.
 */
class WebhookServersTest extends CamelTestSupport {
  private final int portA = AvailablePortFinder.getNextAvailable();
  private final int portB = AvailablePortFinder.getNextAvailable();
  private final AtomicBoolean slowStepFinished = new AtomicBoolean();

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("argo-webhook:" + portA + "/one").routeId("one").to("mock:one");
        from("argo-webhook:" + portA + "/two").routeId("two").to("mock:two");
        from("argo-webhook:" + portB + "/three?host=127.0.0.1").routeId("three").to("mock:three");
        from("argo-webhook:" + portA + "/slow")
            .routeId("slow")
            .process(
                exchange -> {
                  Thread.sleep(400); // a slow downstream step, e.g. a bus that acknowledges late
                  slowStepFinished.set(true);
                })
            .to("mock:slow");
      }
    };
  }

  @Test
  void endpointsShareAPortAndPortsAreIndependent() throws Exception {
    getMockEndpoint("mock:one").expectedMessageCount(1);
    getMockEndpoint("mock:two").expectedMessageCount(1);
    getMockEndpoint("mock:three").expectedMessageCount(1);

    assertThat(
            post("http://127.0.0.1:" + portA + "/one", "application/json", "{\"n\":1}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post("http://127.0.0.1:" + portA + "/two", "application/json", "{\"n\":2}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post("http://127.0.0.1:" + portB + "/three", "application/json", "{\"n\":3}")
                .statusCode())
        .isEqualTo(200);
    // Paths are per port: /three is not served on port A, /one not on port B.
    assertThat(post("http://127.0.0.1:" + portA + "/three", "application/json", "{}").statusCode())
        .isEqualTo(404);
    assertThat(post("http://127.0.0.1:" + portB + "/one", "application/json", "{}").statusCode())
        .isEqualTo(404);
    assertThat(get("http://127.0.0.1:" + portA + "/health").body()).isEqualTo("OK");
    assertThat(get("http://127.0.0.1:" + portB + "/health").body()).isEqualTo("OK");
    MockEndpoint.assertIsSatisfied(context);
  }

  @Test
  void serverClosesWhenTheLastEndpointOnItsPortStops() throws Exception {
    context.getRouteController().stopRoute("three");
    assertThatThrownBy(() -> get("http://127.0.0.1:" + portB + "/health"))
        .isInstanceOf(IOException.class);

    context.getRouteController().stopRoute("one");
    assertThat(get("http://127.0.0.1:" + portA + "/health").statusCode())
        .as("port A still has /two and /slow")
        .isEqualTo(200);

    context.getRouteController().startRoute("three");
    assertThat(post("http://127.0.0.1:" + portB + "/three", "application/json", "{}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void answersOnlyAfterTheRouteCompleted() throws Exception {
    HttpResponse<String> response =
        post("http://127.0.0.1:" + portA + "/slow", "application/json", "{}");
    assertThat(slowStepFinished).as("the slow step finished before the answer").isTrue();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
  }

  @Test
  void slowRequestsDoNotBlockOtherEndpoints() throws Exception {
    getMockEndpoint("mock:one").expectedMessageCount(1);
    var slow =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return post("http://127.0.0.1:" + portA + "/slow", "application/json", "{}")
                    .statusCode();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(post("http://127.0.0.1:" + portA + "/one", "application/json", "{}").statusCode())
        .isEqualTo(200);
    assertThat(slowStepFinished).as("/one answered while /slow was still running").isFalse();
    assertThat(slow.get()).isEqualTo(200);
    MockEndpoint.assertIsSatisfied(context);
  }

  @Test
  void badEndpointOptionsFailWithTheOptionName() {
    assertThatThrownBy(
            () ->
                context
                    .getEndpoint("argo-webhook:" + portA + "/x?authSecret=no-slash")
                    .createConsumer(exchange -> {}))
        .hasStackTraceContaining("authSecret must be a secret reference 'name/key'");
    assertThatThrownBy(
            () ->
                context
                    .getEndpoint("argo-webhook:" + portA + "/y?serverCertSecret=a/b")
                    .createConsumer(exchange -> {}))
        .hasStackTraceContaining("serverCertSecret and serverKeySecret must be set together");
    assertThatThrownBy(
            () ->
                context
                    .getEndpoint("argo-webhook:" + portA + "/z?metadata=RAW([1])")
                    .createConsumer(exchange -> {}))
        .hasStackTraceContaining("metadata must be a JSON object");
    assertThatThrownBy(
            () ->
                context
                    .getEndpoint("argo-webhook:" + portA + "/health")
                    .createConsumer(exchange -> {}))
        .hasStackTraceContaining("reserved for health checks");
    assertThatThrownBy(() -> context.getEndpoint("argo-webhook:port/path"))
        .hasStackTraceContaining("port must be a number");
  }

  @Test
  void twoRoutesCannotServeOnePath() {
    assertThatThrownBy(
            () ->
                context.addRoutes(
                    new RouteBuilder() {
                      @Override
                      public void configure() {
                        from("argo-webhook:" + portA + "/one?method=GET")
                            .routeId("duplicate")
                            .to("mock:dup");
                      }
                    }))
        .hasStackTraceContaining("path /one is already served");
  }
}
