package com.onboarding.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded file: UTF-8 CSV as spreadsheets save it, comma- or semicolon-separated (German Excel uses
 * semicolons), a header row naming the columns in English or German, in any order. Several permissions or clients in
 * one cell are separated by {@code |}, or by {@code ;} in a comma-separated file.
 */
public final class BulkCsv {

    public static final int MAX_ROWS = 10_000;

    /** The columns, each with the header names it accepts (compared without case, spaces, hyphens, underscores). */
    enum Column {
        EMAIL(true, "email", "emailaddress", "mail"),
        FIRST_NAME(true, "firstname", "givenname", "vorname"),
        LAST_NAME(true, "lastname", "surname", "familyname", "nachname"),
        LANGUAGE(false, "language", "sprache"),
        ROLE(true, "role", "rolle"),
        PERMISSIONS(false, "permissions", "additionalpermissions", "berechtigungen"),
        CLIENTS(true, "clients", "client", "mandanten", "kunden"),
        LINK_VALIDITY_DAYS(false, "linkvaliditydays", "validitydays", "linkvalidity", "gültigkeittage",
                "gültigkeit(tage)", "gültigkeit", "gueltigkeit", "linkgültigkeit");

        final boolean required;
        final Set<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = Set.of(names);
        }

        /** How the column is written in the file template and in messages. */
        String title() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** The header a template file has; also the result file's first columns. */
    public static final String TEMPLATE_HEADER = Arrays.stream(Column.values()).map(Column::title)
            .collect(Collectors.joining(","));

    private BulkCsv() {
    }

    /** The person rows of the file; a file that cannot be read as a whole is refused with the reason. */
    public static List<CsvRow> read(byte[] content) {
        String text = decode(content);
        if (text.isBlank()) {
            throw new BulkFileRejectedException("bulk.file.empty", TEMPLATE_HEADER);
        }
        char delimiter = delimiterOf(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            Map<Column, Integer> columns = header(records.get(0));
            Pattern listSeparator = Pattern.compile(delimiter == ';' ? "\\|" : "[|;]");
            List<CsvRow> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                if (rows.size() == MAX_ROWS) {
                    throw new BulkFileRejectedException("bulk.file.tooManyRows", MAX_ROWS);
                }
                rows.add(row(record, columns, listSeparator));
            }
            if (rows.isEmpty()) {
                throw new BulkFileRejectedException("bulk.file.noRows");
            }
            return rows;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new BulkFileRejectedException("bulk.file.notCsv", e.getMessage());
        }
    }

    private static CsvRow row(CSVRecord record, Map<Column, Integer> columns, Pattern listSeparator) {
        // Row numbers as a spreadsheet shows them: the header is row 1.
        int number = (int) record.getRecordNumber();
        return new CsvRow(number, cell(record, columns, Column.EMAIL), cell(record, columns, Column.FIRST_NAME),
                cell(record, columns, Column.LAST_NAME), cell(record, columns, Column.LANGUAGE),
                cell(record, columns, Column.ROLE), list(cell(record, columns, Column.PERMISSIONS), listSeparator),
                list(cell(record, columns, Column.CLIENTS), listSeparator),
                cell(record, columns, Column.LINK_VALIDITY_DAYS));
    }

    /** Splits a list cell and joins it again with {@code |}: one spelling for storing and showing. */
    private static String list(String cell, Pattern separator) {
        return cell == null ? null : separator.splitAsStream(cell).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" | "));
    }

    /** Splits a stored list cell. */
    static List<String> items(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.stream(cell.split("\\|")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String cell(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value.isEmpty() ? null : value;
    }

    private static Map<Column, Integer> header(CSVRecord header) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.*]", "");
            for (Column column : Column.values()) {
                if (column.names.contains(name) && !columns.containsKey(column)) {
                    columns.put(column, i);
                }
            }
        }
        List<String> missing = Arrays.stream(Column.values()).filter(c -> c.required && !columns.containsKey(c))
                .map(Column::title).toList();
        if (!missing.isEmpty()) {
            throw new BulkFileRejectedException("bulk.file.missingColumns", String.join(", ", missing), TEMPLATE_HEADER);
        }
        return columns;
    }

    /** The separator the header row uses most: comma, semicolon or tab. */
    private static char delimiterOf(String text) {
        String header = text.lines().findFirst().orElse("");
        char best = ',';
        long bestCount = -1;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BulkFileRejectedException("bulk.file.notUtf8");
        }
    }
}
