package com.onboarding.users;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that decides what an email address is here. An address is accepted only if every mail server can
 * deliver to it: the part before the @ in plain ASCII (RFC 5322 "dot-atom"; accented or non-Latin letters there need
 * SMTPUTF8, which not every server offers), the domain may be internationalised and is sent as punycode
 * ({@code müller.de} → {@code xn--mller-kva.de}). The address is shown as typed; mails go to {@link #ascii}, and two
 * spellings of the same address are the same user ({@link #normalize}).
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;

    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern ASCII_DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    private EmailAddress() {
    }

    /** Why an address is refused. */
    public enum Problem {
        /** Not an email address at all. */
        INVALID,
        /** Non-ASCII before the @: deliverable only through servers that offer SMTPUTF8. */
        NON_ASCII_LOCAL_PART
    }

    /** What is wrong with the address; empty if it is a deliverable address. */
    public static Optional<Problem> problem(String email) {
        String address = email == null ? "" : email.strip();
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_LENGTH || at <= 0 || at == address.length() - 1) {
            return Optional.of(Problem.INVALID);
        }
        String local = address.substring(0, at);
        if (!local.chars().allMatch(c -> c < 128)) {
            return Optional.of(Problem.NON_ASCII_LOCAL_PART);
        }
        if (local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches() || asciiDomain(address).isEmpty()) {
            return Optional.of(Problem.INVALID);
        }
        return Optional.empty();
    }

    /** The address as mail servers need it: the domain in punycode (anything unusable is left for SMTP to refuse). */
    public static String ascii(String email) {
        String address = email.strip();
        if (address.lastIndexOf('@') < 0) {
            return address;
        }
        return asciiDomain(address).map(domain -> address.substring(0, address.lastIndexOf('@') + 1) + domain)
                .orElse(address);
    }

    /** The same for every spelling of one address: lower case, domain in punycode. */
    public static String normalize(String email) {
        if (email == null) {
            return "";
        }
        String address = email.strip();
        if (address.lastIndexOf('@') < 0) {
            return address.toLowerCase(Locale.ROOT);
        }
        String domain = asciiDomain(address).orElse(address.substring(address.lastIndexOf('@') + 1));
        return (address.substring(0, address.lastIndexOf('@') + 1) + domain).toLowerCase(Locale.ROOT);
    }

    /** The part after the last @, in lower case; empty when there is no @ or nothing before it. */
    public static Optional<String> domain(String email) {
        String address = email == null ? "" : email.strip();
        int at = address.lastIndexOf('@');
        return at < 1 ? Optional.empty() : Optional.of(address.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    private static Optional<String> asciiDomain(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        try {
            String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            return ASCII_DOMAIN.matcher(ascii).matches() && ascii.length() <= 253 ? Optional.of(ascii) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
