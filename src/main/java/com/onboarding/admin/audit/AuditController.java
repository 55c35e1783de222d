package com.onboarding.admin.audit;

import com.onboarding.admin.AdminScreen;
import com.onboarding.audit.AuditAction;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.web.CsvDownloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit screen and its export (global admins; others get 403). */
@Controller
class AuditController implements AdminScreen {

    private final AuditScreen screen;
    private final CurrentAdmin currentAdmin;

    AuditController(AuditScreen screen, CurrentAdmin currentAdmin) {
        this.screen = screen;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping("/audit")
    String list(AuditSearch search, Model model) {
        model.addAttribute("entries", screen.search(search, currentAdmin.scope()));
        model.addAttribute("search", search);
        model.addAttribute("actions", AuditAction.values());
        return "audit/list";
    }

    @GetMapping("/audit/export.csv")
    void export(AuditSearch search, HttpServletResponse response) throws IOException {
        send(screen, search.atPage(0), currentAdmin, response);
    }

    /** The file as the response: streamed page by page, as an attachment named after today. */
    static void send(AuditScreen screen, AuditSearch search, CurrentAdmin admin, HttpServletResponse response)
            throws IOException {
        // Refused before the first byte: a scoped admin gets the 403 page, not half a file.
        admin.scope().requireGlobal("read the audit log");
        screen.write(search, admin.scope(), LocaleContextHolder.getLocale(),
                CsvDownloads.attachment(response, screen.fileName()));
    }
}
