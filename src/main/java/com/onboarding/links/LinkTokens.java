package com.onboarding.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tokens of invitation and reset links: 256 bits, handed out in a mail. Only the SHA-256 hash is stored: with that
 * much entropy a fast hash cannot be brute-forced, and a stolen database holds no usable link.
 * <p>
 * An invitation's link is derived (HMAC-SHA256) from a key in the configuration ({@code onboarding.links.key}) and what
 * names that link: the invitation and the number of its link. So a mail step that sent its mail and then died before
 * its transaction committed sends <em>the same</em> link when the engine runs it again, and the first mail works. The
 * key never reaches the database; without it the stored hashes and numbers give no link. Without a configured key
 * each start makes a random one: links are then still safe, but a mail sent just before a crash may carry a link
 * that the retry replaces.
 */
@Component
public class LinkTokens {

    static final int TOKEN_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(LinkTokens.class);

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    /** With a random key (tests that only hash or make random tokens). */
    public LinkTokens() {
        this("");
    }

    @Autowired
    public LinkTokens(@Value("${onboarding.links.key:}") String configuredKey) {
        byte[] bytes;
        if (configuredKey == null || configuredKey.isBlank()) {
            bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            LOG.warn("No onboarding.links.key configured: a random key until the next start. A link mailed just "
                    + "before a crash may then be replaced by the retry's; set a key (openssl rand -base64 32) on "
                    + "every node.");
        } else {
            try {
                bytes = Base64.getDecoder().decode(configuredKey.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("onboarding.links.key must be Base64 (openssl rand -base64 32)", e);
            }
            if (bytes.length < TOKEN_BYTES) {
                throw new IllegalStateException("onboarding.links.key must hold at least 32 bytes (it has "
                        + bytes.length + "): openssl rand -base64 32");
            }
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A random token (reset links, whose mail is sent in the request). */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token of one link: the same for the same {@code subject} (what the link belongs to, unique for all time,
     * such as an invitation's id and creation instant) and link {@code number}, different for anything else.
     */
    public String forLink(String subject, int number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] bytes = mac.doFinal((subject + "#" + number).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A Message-ID for the mail that carries this token: the same mail sent again has the same one. */
    public String messageId(String token, String domain) {
        return "<link-" + hash("message-id:" + token).substring(0, 40) + "@" + domain + ">";
    }

    public String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether a string can be a token at all; anything else is rejected before touching the database. */
    public boolean isWellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(LinkTokens::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
