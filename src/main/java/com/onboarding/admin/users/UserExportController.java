package com.onboarding.admin.users;

import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.web.CsvDownloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Export (CSV)" on the Users screen and a client's Users tab: the list as filtered, as a file. */
@Controller
class UserExportController {

    private final UserExport export;
    private final CurrentAdmin currentAdmin;

    UserExportController(UserExport export, CurrentAdmin currentAdmin) {
        this.export = export;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping("/users/export.csv")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) UserListStatus status,
            @RequestParam(required = false) Long client, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, HttpServletResponse response) throws IOException {
        send(export, new UserSearch(q, status, client, sort, dir, 0), currentAdmin, response);
    }

    /** The file as the response: streamed page by page, as an attachment named after today. */
    static void send(UserExport export, UserSearch search, CurrentAdmin admin, HttpServletResponse response)
            throws IOException {
        export.write(search, admin.scope(), LocaleContextHolder.getLocale(),
                CsvDownloads.attachment(response, export.fileName()));
    }
}
