package com.onboarding.mail;

import com.onboarding.OnboardingProperties;
import com.onboarding.users.EmailAddress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends a mail with an HTML and a plain-text part, rendered from {@code templates/mail/<name>.html} and
 * {@code templates/mail/<name>.txt} in the recipient's language. Throws on any SMTP problem, so that the
 * calling process step fails and the engine retries it.
 */
@Service
public class MailService {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider through ServiceLoader for every multipart and encoded header
        // (jakartaee/mail-api issues 699, 861): a sixth of the CPU of a mail. Naming the implementation lets it
        // skip the classpath scan. An explicit setting wins.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final SmtpConnections smtp;
    private final TemplateEngine templates;
    private final OnboardingProperties properties;
    /** Mails the SMTP server refused or never took: each failure is retried by the engine, and counted here. */
    private final Counter failures;

    MailService(SmtpConnections smtp, TemplateEngine templates, OnboardingProperties properties,
            MeterRegistry meters) {
        this.smtp = smtp;
        this.templates = templates;
        this.properties = properties;
        this.failures = Counter.builder("onboarding.mail.failures")
                .description("Mails that could not be sent (each is retried by its process step)").register(meters);
    }

    /**
     * Spring's helper, with one MIME type table for every mail. Spring's own builds a table per helper, reading
     * mime.types and scanning the classpath for activation providers each time: 7 % of the service's CPU under
     * load (a CPU profile of bench/run profile). The mails attach no files, so the table is only ever read.
     */
    private static final class Helper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = types();

        Helper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return TYPES;
        }

        private static FileTypeMap types() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    /** A date and time as mails show it: in the recipient's language and the configured zone, zone named. */
    public String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(properties.timeZone()).format(instant)
                + " (" + properties.timeZone().getId() + ")";
    }

    public void send(String to, String subject, String template, Locale locale, Map<String, Object> model) {
        send(to, subject, template, locale, model, null);
    }

    /** With a Message-ID of the caller's (null: a new one), for a mail that may be sent again as the same mail. */
    public void send(String to, String subject, String template, Locale locale, Map<String, Object> model,
            String messageId) {
        Context context = new Context(locale, model);
        context.setVariable("subject", subject);
        String html = templates.process("mail/" + template, context);
        String text = templates.process("mail/" + template + ".txt", context);
        try {
            MimeMessage message = messageId == null ? smtp.newMessage() : smtp.newMessage(messageId);
            MimeMessageHelper helper = new Helper(message);
            helper.setFrom(properties.mailFrom());
            // The domain in punycode: every SMTP server accepts that (the address was checked at invite time).
            helper.setTo(EmailAddress.ascii(to));
            helper.setSubject(subject);
            helper.setText(text, html);
            smtp.send(message);
        } catch (MessagingException e) {
            failures.increment();
            throw new MailSendException("Could not build the mail '" + template + "'", e);
        } catch (MailException e) {
            failures.increment();
            throw e;
        }
    }
}
