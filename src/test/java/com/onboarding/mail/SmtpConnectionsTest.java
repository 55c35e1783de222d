package com.onboarding.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.support.SmtpSink;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mails share an SMTP connection; a connection the server dropped costs a reconnect, never a lost or double mail. */
class SmtpConnectionsTest {

    final SmtpSink server = new SmtpSink();
    final SmtpConnections connections;

    SmtpConnectionsTest() throws IOException {
        server.accept();
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("127.0.0.1");
        settings.setPort(server.port);
        connections = new SmtpConnections(settings, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        connections.closeAllIdle();
        server.stop();
    }

    private List<String> recipients() {
        return server.received().stream().map(SmtpSink.Mail::to).toList();
    }

    @Test
    void mailsInARowShareOneConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            connections.send(mail("ina" + i + "@example.com"));
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(recipients()).containsExactly("ina1@example.com", "ina2@example.com", "ina3@example.com");
    }

    @Test
    void aConnectionTheServerDroppedIsReplaced_andTheMailArrivesOnce() throws Exception {
        connections.send(mail("ina1@example.com"));
        server.dropConnections();
        connections.send(mail("ina2@example.com"));
        assertThat(server.connections()).isEqualTo(2);
        assertThat(recipients()).containsExactly("ina1@example.com", "ina2@example.com");
    }

    private MimeMessage mail(String to) throws Exception {
        MimeMessage message = connections.newMessage();
        message.setFrom(new InternetAddress("no-reply@onboarding.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello");
        message.setText("Hello");
        return message;
    }
}
