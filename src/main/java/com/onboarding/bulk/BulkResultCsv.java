package com.onboarding.bulk;

import com.onboarding.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The result of an import as a CSV file: every row of the upload with what became of it. */
public final class BulkResultCsv {

    private BulkResultCsv() {
    }

    public static String write(List<BulkRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("row", "email", "name", "result", "reason", "user id").get())) {
            for (BulkRow row : rows) {
                printer.printRecord(row.getRowNumber(), cell(row.getEmail()), cell(row.getName()),
                        row.getOutcome().label(), cell(row.getMessage()),
                        row.getUserId() == null ? "" : row.getUserId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell as spreadsheets must show it, never run it (SpreadsheetCells). */
    static String cell(String value) {
        return SpreadsheetCells.defused(value);
    }
}
