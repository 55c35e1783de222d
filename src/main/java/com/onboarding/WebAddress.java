package com.onboarding;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An address the product sends people or data to (a client's landing page, a webhook endpoint): absolute,
 * {@code https}, with a host, without user name or password (a link reading {@code https://bank.example@evil.example}
 * deceives), at most {@value #MAX_LENGTH} characters. Plain {@code http} only to this machine ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}), where nothing travels over a network. Null passes (say so with NotBlank).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebAddress.Check.class)
public @interface WebAddress {

    int MAX_LENGTH = 2000;

    String message() default "{webAddress.invalid}";

    /** For the message ({@code {max}}); always {@link #MAX_LENGTH}. */
    int max() default MAX_LENGTH;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WebAddress, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || isValid(text);
        }

        public static boolean isValid(String text) {
            if (text.length() > MAX_LENGTH || text.codePoints().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                return false;
            }
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null
                        || uri.getRawAuthority().contains("@")) {
                    return false;
                }
                return scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()));
            } catch (URISyntaxException e) {
                return false;
            }
        }

        private static boolean isLoopback(String host) {
            String name = IDN.toASCII(host).toLowerCase(Locale.ROOT);
            return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
        }
    }
}
