package com.onboarding.admin.bulk;

import com.onboarding.RejectedRequestException;
import com.onboarding.admin.AdminScreen;
import com.onboarding.bulk.BulkCsv;
import com.onboarding.bulk.BulkImports;
import com.onboarding.bulk.BulkResultCsv;
import com.onboarding.bulk.BulkSummary;
import com.onboarding.scopes.CurrentAdmin;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** "Invite from a file" on the Users screen: upload, preview, send, progress and result. */
@Controller
@RequestMapping("/users/bulk")
class BulkInviteController implements AdminScreen {

    private final BulkImports imports;
    private final CurrentAdmin currentAdmin;

    BulkInviteController(BulkImports imports, CurrentAdmin currentAdmin) {
        this.imports = imports;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping
    String uploadForm(Model model) {
        model.addAttribute("templateHeader", BulkCsv.TEMPLATE_HEADER);
        return "bulk/upload";
    }

    @PostMapping
    String preview(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String personalText, Model model, HttpServletResponse response)
            throws IOException {
        try {
            BulkSummary summary = imports.preview(file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes(), personalText, currentAdmin.scope());
            return "redirect:/users/bulk/" + summary.bulkImport().getId() + (summary.alreadySent() ? "?again" : "");
        } catch (RejectedRequestException e) {
            // The form again, with what is wrong: a refusal, as the other screens answer one.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
            model.addAttribute("personalText", personalText);
            return uploadForm(model);
        }
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, @RequestParam(required = false) String again, Model model) {
        model.addAttribute("summary", imports.summary(id, currentAdmin.scope()));
        model.addAttribute("roleNames", imports.roleNames());
        model.addAttribute("again", again != null);
        return "bulk/show";
    }

    @PostMapping("/{id:\\d+}/send")
    String send(@PathVariable long id) {
        imports.send(id, currentAdmin.scope());
        return "redirect:/users/bulk/" + id;
    }

    @GetMapping("/{id:\\d+}/result.csv")
    ResponseEntity<byte[]> result(@PathVariable long id) {
        return csv("invitations-" + id + "-result.csv",
                BulkResultCsv.write(imports.result(id, currentAdmin.scope())));
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> template() {
        return csv("invitations.csv", BulkCsv.TEMPLATE_HEADER + "\r\n");
    }

    static ResponseEntity<byte[]> csv(String fileName, String content) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(content.getBytes(StandardCharsets.UTF_8));
    }
}
