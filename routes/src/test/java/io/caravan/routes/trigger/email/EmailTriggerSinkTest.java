package io.caravan.routes.trigger.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.TriggerTestRoutes;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** email trigger over SMTP with AUTH against GreenMail. */
class EmailTriggerSinkTest {
  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("alerts@example.test", "bot", "smtp-s3cret"));

  private TriggerTestRoutes routes;

  @BeforeEach
  void start() throws Exception {
    int port = SMTP.getSmtp().getPort();
    String email =
        "  email:\n    host: 127.0.0.1\n    port: "
            + port
            + "\n"
            + "    from: alerts@example.test\n    to: [oncall@example.test]\n    subject: Disk alert\n"
            + "    body: placeholder\n";
    routes =
        new TriggerTestRoutes(new MapSecretStore().putSecret("smtp", "password", "smtp-s3cret"))
            .trigger(
                "mail",
                "template:\n  name: mail\n"
                    + email
                    + "    username: bot\n    smtpPassword: {name: smtp, key: password}\n"
                    + "    parameters:\n"
                    + "      - src: {dependencyName: test-dep, dataTemplate: 'Host {{ .Input.body.host }} is at {{ .Input.body.used }}%'}\n"
                    + "        dest: body\n"
                    + "      - src: {dependencyName: test-dep, dataKey: body.owner}\n        dest: to.-1\n",
                "kamelet:email-sink?sensorName=test-sensor&triggerName=mail")
            .trigger(
                "wrong-password",
                "template:\n  name: wrong-password\n"
                    + email
                    + "    username: bot\n    smtpPassword: {name: smtp, key: other}\n",
                "kamelet:email-sink?sensorName=test-sensor&triggerName=wrong-password")
            .start();
  }

  @AfterEach
  void stop() {
    routes.close();
  }

  @Test
  void sendsTheParameterizedMailWithSmtpAuth() throws Exception {
    Exchange done =
        routes.fire("mail", "{\"host\":\"db-1\",\"used\":93,\"owner\":\"dba@example.test\"}");

    assertThat(done.getException()).isNull();
    assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage first = received[0];
    assertThat(java.util.Arrays.stream(first.getAllRecipients()).map(Object::toString))
        .containsExactly("oncall@example.test", "dba@example.test");
    assertThat(first.getSubject()).isEqualTo("Disk alert");
    assertThat(first.getFrom()[0].toString()).isEqualTo("alerts@example.test");
    assertThat(GreenMailUtil.getBody(first).trim()).isEqualTo("Host db-1 is at 93%");
  }

  @Test
  void aMissingPasswordSecretFailsWithTheReferenceOnly() throws Exception {
    Exchange done = routes.fire("wrong-password", "{}");

    assertThat(done.getException())
        .hasMessageContaining("smtpPassword")
        .hasMessageContaining("smtp/other");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }
}
