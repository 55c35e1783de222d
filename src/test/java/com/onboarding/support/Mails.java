package com.onboarding.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** The decoded parts of a received mail. */
public final class Mails {

    private Mails() {
    }

    /** The decoded text/plain part of a mail. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The decoded text/html part of a mail. */
    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String mimeType) {
        try {
            return find(message.getContent(), mimeType);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String mimeType) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(mimeType)) {
                    return (String) part.getContent();
                }
                String nested = find(part.getContent(), mimeType);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
