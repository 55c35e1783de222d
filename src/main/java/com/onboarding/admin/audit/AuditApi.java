package com.onboarding.admin.audit;

import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.web.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log through the API: global admins only, the screen's filters. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The audit log (HTTP Basic with a global admin's Camunda account)")
class AuditApi {

    record PageBody(List<AuditScreen.AuditRow> entries, int page, int size, long total) {
    }

    private final AuditScreen screen;
    private final CurrentAdmin currentAdmin;

    AuditApi(AuditScreen screen, CurrentAdmin currentAdmin) {
        this.screen = screen;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first, 50 a page: by an actor whose name contains actor, about a user "
            + "whose email contains subject or the administrator subject, of one action, from and to a day (both "
            + "included, in the service's zone)")
    PageBody search(AuditSearch search) {
        Page<AuditScreen.AuditRow> result = screen.search(search, currentAdmin.scope());
        return new PageBody(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements());
    }

    @GetMapping(value = "/export.csv", produces = CsvDownloads.CSV)
    @Operation(summary = "The filtered audit log as a CSV file (UTF-8 with BOM, for spreadsheets), every page; cells "
            + "a spreadsheet would run as formulas start with an apostrophe")
    void export(AuditSearch search, HttpServletResponse response) throws IOException {
        AuditController.send(screen, search.atPage(0), currentAdmin, response);
    }
}
