package com.onboarding.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mails share an SMTP connection; a connection the server dropped costs a reconnect, never a lost or double mail. */
class SmtpConnectionsTest {

    final CountingSmtpServer server = new CountingSmtpServer();
    final SmtpConnections connections;

    SmtpConnectionsTest() throws IOException {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("127.0.0.1");
        settings.setPort(server.port());
        connections = new SmtpConnections(settings, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws IOException {
        connections.closeAllIdle();
        server.close();
    }

    @Test
    void mailsInARowShareOneConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            connections.send(mail("ina" + i + "@example.com"));
        }
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.recipients).containsExactly("ina1@example.com", "ina2@example.com", "ina3@example.com");
    }

    @Test
    void aConnectionTheServerDroppedIsReplaced_andTheMailArrivesOnce() throws Exception {
        connections.send(mail("ina1@example.com"));
        server.dropOpenConnections();
        connections.send(mail("ina2@example.com"));
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.recipients).containsExactly("ina1@example.com", "ina2@example.com");
    }

    private MimeMessage mail(String to) throws Exception {
        MimeMessage message = connections.newMessage();
        message.setFrom(new InternetAddress("no-reply@onboarding.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Hello");
        message.setText("Hello");
        return message;
    }

    /** Just enough SMTP to take mails, counting connections and recipients. */
    static final class CountingSmtpServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<String> recipients = new CopyOnWriteArrayList<>();
        final List<Socket> open = new CopyOnWriteArrayList<>();

        CountingSmtpServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        connections.incrementAndGet();
                        open.add(client);
                        Thread session = new Thread(() -> serve(client));
                        session.setDaemon(true);
                        session.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void dropOpenConnections() throws IOException {
            for (Socket client : open) {
                client.close();
            }
            open.clear();
        }

        private void serve(Socket client) {
            try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
                reply(out, "220 test");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    switch (line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT)) {
                        case "EHLO" -> reply(out, "250-test\r\n250 8BITMIME");
                        case "RCPT" -> {
                            recipients.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                            reply(out, "250 OK");
                        }
                        case "DATA" -> {
                            reply(out, "354 go ahead");
                            for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                                // the message itself
                            }
                            reply(out, "250 queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // dropped by the test
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
