package com.onboarding.support;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server on loopback for tests, in one of three states: accepting, refusing connections (nothing listens on
 * the port), or hanging (connections are accepted and never answered). It records every mail transaction in the
 * order it completed, so that a mail sent twice shows twice (a mailbox store would not keep that order), and counts
 * the connections it accepted.
 */
public final class SmtpSink {

    /** A received mail: recipient, subject, the registration link's token (null: no link), the HTML part, its Message-ID. */
    public record Mail(String to, String subject, String token, String html, String messageId) {
    }

    private enum State { ACCEPTING, HANGING }

    private static final Pattern TOKEN = Pattern.compile("/register\\?token=([A-Za-z0-9_-]{43})");
    private static final Session SESSION = Session.getInstance(new Properties());

    public final int port;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Mail> mails = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private ServerSocket listening;
    private State state;

    /**
     * A port below the kernel's range for outgoing connections (32768 and up on Linux): while the server refuses,
     * nothing listens on it, and an ephemeral port could be handed to one of the service's own connections, which
     * would then keep the server from listening again.
     */
    public SmtpSink() throws IOException {
        port = freePortBelowEphemeralRange();
    }

    private static int freePortBelowEphemeralRange() throws IOException {
        for (int candidate = 20_000 + new java.util.Random().nextInt(10_000); candidate < 32_768; candidate++) {
            try (ServerSocket free = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return free.getLocalPort();
            } catch (BindException taken) {
                // next one
            }
        }
        throw new BindException("no free port between 20000 and 32767");
    }

    public synchronized void accept() throws IOException {
        listen(State.ACCEPTING);
    }

    /** Connections are accepted and then nothing is ever said: the client must give up by its own timeouts. */
    public synchronized void hang() throws IOException {
        listen(State.HANGING);
    }

    /** Connection refused: nothing listens on the port. */
    public synchronized void refuse() {
        closeAll();
        state = null;
    }

    public synchronized void stop() {
        refuse();
    }

    /** How many connections the server accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Closes the connections clients hold open (as a server does that restarts or drops idle clients). */
    public synchronized void dropConnections() {
        open.forEach(SmtpSink::closeQuietly);
        open.clear();
    }

    /** Every mail received so far, in the order the server said "250" to it. */
    public synchronized List<Mail> received() {
        return List.copyOf(mails);
    }

    private void listen(State wanted) throws IOException {
        closeAll();
        state = wanted;
        ServerSocket server = bind();
        listening = server;
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    synchronized (this) {
                        open.add(socket);
                    }
                    if (wanted == State.ACCEPTING) {
                        Thread session = new Thread(() -> converse(socket), "smtp-session");
                        session.setDaemon(true);
                        session.start();
                    }
                }
            } catch (IOException closed) {
                // the state changed
            }
        }, "smtp-" + wanted);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port again; the kernel may hold it for a moment after the previous listener closed. */
    private ServerSocket bind() throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            try {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
                return server;
            } catch (BindException stillHeld) {
                server.close();
                if (attempt == 50) {
                    throw stillHeld;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stillHeld;
                }
            }
        }
    }

    private void closeAll() {
        if (listening != null) {
            closeQuietly(listening);
        }
        open.forEach(SmtpSink::closeQuietly);
        open.clear();
        listening = null;
    }

    /** Just enough SMTP for Jakarta Mail: greeting, EHLO, MAIL, RCPT, DATA (with dot-unstuffing), RSET, QUIT. */
    private void converse(Socket socket) {
        try (socket; OutputStream out = socket.getOutputStream()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            reply(out, "220 reliability-smtp ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-reliability-smtp\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder data = new StringBuilder();
                        String body;
                        while ((body = in.readLine()) != null && !body.equals(".")) {
                            data.append(body.startsWith("..") ? body.substring(1) : body).append("\r\n");
                        }
                        record(data.toString());
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException gone) {
            // the client or the state change closed the connection
        }
    }

    private void record(String raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION,
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
            String text = Mails.text(message);
            Matcher token = TOKEN.matcher(text == null ? "" : text);
            Mail mail = new Mail(message.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT),
                    message.getSubject(), token.find() ? token.group(1) : null, Mails.html(message),
                    message.getMessageID());
            synchronized (this) {
                mails.add(mail);
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
