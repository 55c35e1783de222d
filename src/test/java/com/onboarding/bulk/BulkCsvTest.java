package com.onboarding.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading an uploaded file and writing the result file, without Spring: the parsing and defusing rules. */
class BulkCsvTest {

    @Test
    void aCommaFileWithABomAndEnglishHeadersInAnyOrder() {
        List<CsvRow> rows = BulkCsv.read(bytes("\uFEFFrole,Email,First name,last_name,clients,permissions\n"
                + "Standard user, anna@example.com ,Anna,Berg,Acme Corporation|Globex,Approve payments;Export\n"));
        assertThat(rows).containsExactly(new CsvRow(2, "anna@example.com", "Anna", "Berg", null, "Standard user",
                "Approve payments | Export", "Acme Corporation | Globex", null));
    }

    @Test
    void aSemicolonFileWithGermanHeaders_listsSplitAtTheBarOnly() {
        List<CsvRow> rows = BulkCsv.read(bytes("E-Mail;Vorname;Nachname;Sprache;Rolle;Berechtigungen;Mandanten;"
                + "Gültigkeit (Tage)\nbert@example.com;Bert;Kahn;de;Standardbenutzer;;Acme | Globex;7\n"));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.number()).as("row numbers as a spreadsheet shows them").isEqualTo(2);
            assertThat(row.language()).isEqualTo("de");
            assertThat(row.permissions()).isNull();
            assertThat(row.clients()).isEqualTo("Acme | Globex");
            assertThat(row.linkValidityDays()).isEqualTo("7");
        });
        assertThat(BulkCsv.items("Acme | Globex")).containsExactly("Acme", "Globex");
        assertThat(BulkCsv.items(" ")).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadAsAWhole_isRefusedWithTheReason() {
        assertRejected("", "bulk.file.empty");
        assertRejected("email,first name,last name,role\nanna@example.com,Anna,Berg,Standard user\n",
                "bulk.file.missingColumns");
        assertRejected("email,first name,last name,role,clients\n", "bulk.file.noRows");
        assertRejected("email,first name,last name,role,clients\n\"unclosed,Anna,Berg,Standard user,Acme\n",
                "bulk.file.notCsv");
        assertThatThrownBy(() -> BulkCsv.read(new byte[] {'e', ',', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOfSatisfying(BulkFileRejectedException.class,
                        e -> assertThat(e.key()).isEqualTo("bulk.file.notUtf8"));
    }

    @Test
    void atMostTenThousandRows() {
        StringBuilder file = new StringBuilder("email,first name,last name,role,clients\n");
        for (int i = 0; i < BulkCsv.MAX_ROWS; i++) {
            file.append("user").append(i).append("@example.com,Anna,Berg,Standard user,Acme\n");
        }
        assertThat(BulkCsv.read(bytes(file.toString()))).hasSize(BulkCsv.MAX_ROWS);
        assertRejected(file + "one-more@example.com,Anna,Berg,Standard user,Acme\n", "bulk.file.tooManyRows");
    }

    @Test
    void resultCells_thatASpreadsheetWouldRun_startWithAnApostrophe() {
        assertThat(List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"))
                .allSatisfy(cell -> assertThat(BulkResultCsv.cell(cell)).isEqualTo("'" + cell));
        assertThat(BulkResultCsv.cell("anna@example.com")).isEqualTo("anna@example.com");
        assertThat(BulkResultCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(BulkResultCsv.cell("")).isEmpty();
        assertThat(BulkResultCsv.cell(null)).isEmpty();
    }

    private static void assertRejected(String file, String key) {
        assertThatThrownBy(() -> BulkCsv.read(bytes(file))).isInstanceOfSatisfying(BulkFileRejectedException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
