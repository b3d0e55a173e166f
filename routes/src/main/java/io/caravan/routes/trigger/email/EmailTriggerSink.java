package io.caravan.routes.trigger.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.trigger.TriggerSpecMessage;
import jakarta.mail.Authenticator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The {@code email-sink} Kamelet's step: sends the trigger's mail over SMTP, as Argo's email
 * trigger does: {@code from}, {@code to[]}, {@code subject}, {@code body} (plain text, UTF-8) to
 * {@code host}:{@code port} (default 587), with SMTP AUTH as {@code username} / {@code
 * smtpPassword} (a secret reference) when a username is given. STARTTLS is used when the server
 * offers it. The exchange fails when the server refuses the mail.
 */
public class EmailTriggerSink implements Processor {
  private static final String FIELD = "trigger.template.email";
  private static final int DEFAULT_PORT = 587;
  private static final String TIMEOUT_MILLIS = "30000";

  private String sensorName = "";
  private String triggerName = "";

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  @Override
  public void process(Exchange exchange) throws MessagingException {
    ObjectNode spec = TriggerSpecMessage.spec(exchange.getMessage(), "email");
    String host = spec.path("host").asText("");
    if (host.isBlank()) {
      throw new IllegalArgumentException(FIELD + ".host: is required");
    }
    int port = spec.path("port").asInt(0) == 0 ? DEFAULT_PORT : spec.path("port").asInt();
    List<InternetAddress> to = recipients(spec.get("to"));
    if (to.isEmpty()) {
      throw new IllegalArgumentException(FIELD + ".to: at least one recipient is required");
    }
    String username = spec.path("username").asText("");
    String password =
        username.isEmpty()
            ? null
            : SecretRefs.required(
                SecretRefs.store(exchange.getContext()),
                spec.get("smtpPassword"),
                FIELD + ".smtpPassword");

    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.starttls.enable", "true");
    properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.auth", String.valueOf(password != null));
    Session session =
        Session.getInstance(
            properties,
            password == null
                ? null
                : new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                  }
                });
    MimeMessage mail = new MimeMessage(session);
    String from = spec.path("from").asText("");
    if (!from.isBlank()) {
      mail.setFrom(address(from, FIELD + ".from"));
    }
    mail.setRecipients(RecipientType.TO, to.toArray(new InternetAddress[0]));
    mail.setSubject(spec.path("subject").asText(""), StandardCharsets.UTF_8.name());
    mail.setText(spec.path("body").asText(""), StandardCharsets.UTF_8.name());
    mail.setSentDate(new Date());
    mail.setHeader("X-Argo-Events-Trigger", sensorName + "/" + triggerName);
    Transport.send(mail);
  }

  private static List<InternetAddress> recipients(JsonNode to) {
    List<InternetAddress> addresses = new ArrayList<>();
    if (to == null || to.isNull()) {
      return addresses;
    }
    if (to.isTextual()) {
      addresses.add(address(to.asText(), FIELD + ".to"));
      return addresses;
    }
    for (int i = 0; i < to.size(); i++) {
      String text = to.get(i).asText("");
      if (!text.isBlank()) {
        addresses.add(address(text, FIELD + ".to[" + i + "]"));
      }
    }
    return addresses;
  }

  private static InternetAddress address(String text, String where) {
    try {
      InternetAddress address = new InternetAddress(text.trim(), true);
      return address;
    } catch (MessagingException e) {
      throw new IllegalArgumentException(where + ": '" + text + "' is not a mail address", e);
    }
  }
}
