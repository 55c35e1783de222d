package com.onboarding.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.onboarding.support.Mails;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's SMTP server on loopback, in one of three states: accepting (GreenMail), refusing connections (nothing
 * listens), or hanging (connections are accepted and never answered). Every mail received in any state is kept.
 */
final class MailServer {

    /** A received mail: recipient, subject, the registration link's token (null: no link), the HTML part. */
    record Mail(String to, String subject, String token, String html) {
    }

    private static final Pattern TOKEN = Pattern.compile("/register\\?token=([A-Za-z0-9_-]{43})");

    final int port;
    private GreenMail greenMail;
    private ServerSocket hanging;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    /** Mails parsed so far; the current GreenMail's first {@code parsed} messages are among them. */
    private final List<Mail> mails = new ArrayList<>();
    private int parsed;

    MailServer() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    synchronized void accept() {
        stopHanging();
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    /** Connection refused: nothing listens on the port. */
    synchronized void refuse() {
        stopGreenMail();
        stopHanging();
    }

    /** Connections are accepted and then nothing is ever said: the client must give up by its own timeouts. */
    synchronized void hang() throws IOException {
        stopGreenMail();
        hanging = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(hanging.accept());
                }
            } catch (IOException closed) {
                // stopped
            }
        }, "smtp-hang");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized void stop() {
        refuse();
    }

    /** Every mail received so far, in every state of the server. */
    synchronized List<Mail> received() {
        collect();
        return List.copyOf(mails);
    }

    private void collect() {
        if (greenMail != null) {
            MimeMessage[] messages = greenMail.getReceivedMessages();
            for (int i = parsed; i < messages.length; i++) {
                mails.add(parse(messages[i]));
            }
            parsed = messages.length;
        }
    }

    private void stopGreenMail() {
        if (greenMail != null) {
            collect();
            greenMail.stop();
            greenMail = null;
            parsed = 0;
        }
    }

    private void stopHanging() {
        if (hanging != null) {
            try {
                hanging.close();
            } catch (IOException ignored) {
                // closing
            }
            for (Socket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
            held.clear();
            hanging = null;
        }
    }

    private static Mail parse(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            String text = Mails.text(message);
            Matcher token = TOKEN.matcher(text == null ? "" : text);
            return new Mail(to[0].toString().toLowerCase(Locale.ROOT), message.getSubject(),
                    token.find() ? token.group(1) : null, Mails.html(message));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }
}
