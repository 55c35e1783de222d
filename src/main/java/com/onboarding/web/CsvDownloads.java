package com.onboarding.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** A CSV file as the answer to a request (the user list's and the audit log's exports): an attachment by name. */
public final class CsvDownloads {

    public static final String CSV = "text/csv;charset=UTF-8";

    private CsvDownloads() {
    }

    /** Sets the response up for the file {@code fileName} and answers where to write it. */
    public static OutputStream attachment(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        return response.getOutputStream();
    }
}
