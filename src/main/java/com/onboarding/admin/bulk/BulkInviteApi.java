package com.onboarding.admin.bulk;

import com.onboarding.bulk.BulkImports;
import com.onboarding.bulk.BulkResultCsv;
import com.onboarding.bulk.BulkRow;
import com.onboarding.bulk.BulkSummary;
import com.onboarding.bulk.RowOutcome;
import com.onboarding.scopes.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk invite as JSON: upload for a preview, then send; poll the import for progress; fetch the result file. */
@RestController
@RequestMapping("/api/invitations/bulk")
@Tag(name = "Bulk invite", description = "Invite many users from a CSV file (HTTP Basic with a Camunda admin account)")
class BulkInviteApi {

    /** An import: where it stands and its rows (problems first, at most 200; the result file has all). */
    record ImportBody(long id, String fileName, String status, boolean alreadySent, Instant sentAt,
            Instant finishedAt, Map<RowOutcome, Long> counts, int percentDone, List<RowBody> rows) {

        static ImportBody of(BulkSummary summary) {
            return new ImportBody(summary.bulkImport().getId(), summary.bulkImport().getFileName(),
                    summary.bulkImport().getStatus().name(), summary.alreadySent(), summary.bulkImport().getSentAt(),
                    summary.bulkImport().getFinishedAt(), summary.counts(), summary.percentDone(),
                    summary.rows().stream().map(RowBody::of).toList());
        }
    }

    record RowBody(int row, String email, String outcome, String message, Long userId) {

        static RowBody of(BulkRow row) {
            return new RowBody(row.getRowNumber(), row.getEmail(), row.getOutcome().name(), row.getMessage(),
                    row.getUserId());
        }
    }

    private final BulkImports imports;
    private final CurrentAdmin currentAdmin;

    BulkInviteApi(BulkImports imports, CurrentAdmin currentAdmin) {
        this.imports = imports;
        this.currentAdmin = currentAdmin;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV file (part \"file\"; optional \"personalText\" for all): every row is checked, "
            + "nothing is sent. The same file sent before returns that import, alreadySent true.")
    ImportBody preview(@RequestParam MultipartFile file, @RequestParam(required = false) String personalText)
            throws IOException {
        return ImportBody.of(imports.preview(file.getOriginalFilename(), file.getBytes(), personalText,
                currentAdmin.scope()));
    }

    @PostMapping("/{id}/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Invite the valid rows in the background; sending again changes nothing")
    ImportBody send(@PathVariable long id) {
        return ImportBody.of(imports.send(id, currentAdmin.scope()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's progress and rows")
    ImportBody get(@PathVariable long id) {
        return ImportBody.of(imports.summary(id, currentAdmin.scope()));
    }

    @GetMapping(value = "/{id}/result.csv", produces = "text/csv")
    @Operation(summary = "Every row with its result, as CSV")
    ResponseEntity<byte[]> result(@PathVariable long id) {
        return BulkInviteController.csv("invitations-" + id + "-result.csv",
                BulkResultCsv.write(imports.result(id, currentAdmin.scope())));
    }
}
