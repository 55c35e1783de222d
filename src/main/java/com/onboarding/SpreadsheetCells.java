package com.onboarding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Cells of the CSV files the product writes (a bulk import's result, the user list's and audit log's exports),
 * opened by people in spreadsheets: a cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) starts with an
 * apostrophe instead. The files repeat what admins and uploaders typed, and opening one must not run it.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * A file for spreadsheets on {@code out}: UTF-8 with a byte order mark (so Excel reads the accents), then this
     * header row. The caller flushes it when done.
     */
    public static CSVPrinter file(OutputStream out, String... header) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get());
    }

    /** The value as a cell that is never run; null as an empty cell. */
    public static String defused(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
