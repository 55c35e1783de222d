package com.onboarding.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST API prefixes every form refusal with "Cannot submit task form &lt;task id&gt;: ", and Tasklist
 * shows that to the admin. For the application's own refusals (error code {@link EngineErrors#REFUSED}) this filter
 * leaves only the application's sentence; everything else passes untouched. Only form submissions are buffered.
 */
public class EngineRefusalMessages extends OncePerRequestFilter {

    private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot [^:]+: ");

    private final ObjectMapper json;

    public EngineRefusalMessages(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
            rewrite(wrapper);
        }
        wrapper.copyBodyToResponse();
    }

    private void rewrite(ContentCachingResponseWrapper response) throws IOException {
        byte[] body = response.getContentAsByteArray();
        if (body.length == 0 || body[0] != '{') {
            return;
        }
        if (!(json.readTree(body) instanceof ObjectNode error) || error.path("code").asInt() != EngineErrors.REFUSED) {
            return;
        }
        error.put("message", ENGINE_PREFIX.matcher(error.path("message").asText()).replaceFirst(""));
        response.resetBuffer();
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }
}
