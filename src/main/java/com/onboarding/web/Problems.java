package com.onboarding.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.RejectedRequestException.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The JSON API's one error type: RFC 9457 problem details with a sentence for the caller and, where fields are to
 * blame, each field with its problem. Shared by the API's exception handlers, the error page and the sign-in
 * refusals of the API's security chain.
 */
@Component
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    /** Whether a path belongs to the JSON API (whose errors are problem details, not pages). */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    public ProblemDetail of(HttpStatus status, String detail, List<Problem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (fields != null && !fields.isEmpty()) {
            problem.setProperty("problems", fields);
        }
        return problem;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
