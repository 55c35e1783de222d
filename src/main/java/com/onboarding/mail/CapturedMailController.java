package com.onboarding.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Dev-only: the mails the in-process SMTP server captured, newest first, with their links clickable. */
@Controller
@ConditionalOnProperty(name = "onboarding.dev-smtp.enabled", havingValue = "true")
class CapturedMailController {

    record CapturedMail(int index, String to, String subject, Instant sentAt) {
    }

    private final GreenMail greenMail;

    CapturedMailController(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    @GetMapping("/dev/mails")
    String list(Model model) throws MessagingException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<CapturedMail> mails = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            MimeMessage message = messages[i];
            mails.add(new CapturedMail(i, GreenMailUtil.getAddressList(message.getAllRecipients()),
                    message.getSubject(), message.getSentDate() == null ? null : message.getSentDate().toInstant()));
        }
        // GreenMail lists mails by mailbox (recipient); newest first means by the time they were sent.
        mails.sort(Comparator.comparing(CapturedMail::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(CapturedMail::index).reversed());
        model.addAttribute("mails", mails);
        return "dev/mails";
    }

    /** The HTML part of one mail, as the recipient would see it. */
    @GetMapping(path = "/dev/mails/{index}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> show(@PathVariable int index) throws MessagingException, IOException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("No such mail");
        }
        return ResponseEntity.ok(htmlPart(messages[index].getContent()));
    }

    private static String htmlPart(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    return (String) part.getContent();
                }
                String nested = htmlPart(part.getContent());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
