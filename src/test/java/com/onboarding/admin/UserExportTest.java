package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** "Export the list (CSV)" on the screens and through /api: the list as filtered, the admin's scope only. */
class UserExportTest extends AdminTestSupport {

    @Test
    void theFilteredList_asAFileForSpreadsheets() throws Exception {
        String email = uniqueEmail();
        long id = invite(email, acme());
        MockHttpServletResponse response = mvc.perform(get("/users/export.csv").param("q", email)
                .with(user("demo").roles("ADMIN"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).matches("attachment; filename=\"users-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).as("a UTF-8 byte order mark for Excel")
                .isEqualTo("\u00EF\u00BB\u00BF");
        List<CSVRecord> rows = csv(bytes);
        assertThat(rows.get(0).values()).containsExactly("id", "First name", "Last name", "Email", "Role", "Clients",
                "Status", "Invited on", "Link valid until", "Last sign-in");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).values()).startsWith(String.valueOf(id), "Ina", "Vogel", email, "Standard user",
                "Acme Corporation", "Invited");
        assertThat(rows.get(1).get(7)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    }

    @Test
    void everyPage_inTheScreensOrder_andInTheReadersLanguage() throws Exception {
        String marker = "export" + uniqueEmail().substring(5, 11);
        for (int i = 0; i < 3; i++) {
            invite(marker + i + "@example.com", globex());
        }
        List<CSVRecord> rows = csv(mvc.perform(get("/users/export.csv").param("q", marker).param("sort", "email")
                .param("dir", "desc").header("Accept-Language", "de").with(user("demo").roles("ADMIN")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(rows.get(0).get(1)).isEqualTo("Vorname");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(3))
                .containsExactly(marker + "2@example.com", marker + "1@example.com", marker + "0@example.com");
        assertThat(rows.get(1).get(6)).isEqualTo("Eingeladen");
    }

    @Test
    void aScopedAdminExportsOnlyTheirClientsUsers_throughTheApiToo() throws Exception {
        String marker = "scope" + uniqueEmail().substring(5, 11);
        invite(marker + "-acme@example.com", acme());
        invite(marker + "-globex@example.com", globex());
        String acmeAdmin = scopedAdmin(List.of(acme()), List.of());
        MockHttpServletResponse response = api(acmeAdmin, PASSWORD, get("/api/users/export.csv").param("q", marker))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(csv(response.getContentAsByteArray()).subList(1, 2)).extracting(row -> row.get(3))
                .containsExactly(marker + "-acme@example.com");
        assertThat(csv(response.getContentAsByteArray())).hasSize(2);
    }

    @Test
    void whatAdminsTyped_isNeverRunAsAFormula() throws Exception {
        String email = uniqueEmail();
        var invitation = new java.util.HashMap<>(invitation(email, "STANDARD", List.of(), List.of(acme())));
        invitation.putAll(Map.of("firstName", "=HYPERLINK(\"https://evil.example\",\"Click\")", "lastName", "+1-2"));
        asDemo(post("/api/invitations", invitation)).andReturn();
        List<CSVRecord> rows = csv(mvc.perform(get("/users/export.csv").param("q", email)
                .with(user("demo").roles("ADMIN"))).andReturn().getResponse().getContentAsByteArray());
        assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"Click\")");
        assertThat(rows.get(1).get(2)).isEqualTo("'+1-2");
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))
                .getRecords();
    }
}
