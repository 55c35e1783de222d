package com.onboarding.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body to the application's own pages and API is larger than {@value #LIMIT} bytes (an invitation with
 * a full personal text is a few KB), except a bulk-invitation file ({@value #UPLOAD_LIMIT} bytes, about 10,000
 * rows): a declared larger body is answered with 413 at once, naming the limit ({@link PlainErrorPage}: no error
 * dispatch, which would parse the refused multipart body again and answer nothing); an undeclared (chunked) one fails
 * with {@link PayloadTooLargeException} when it passes the limit (for uploads, Spring's multipart limits, set to the
 * same, and {@link UploadTooLarge}). Tomcat reads and drops up to server.tomcat.max-swallow-size of a refused body,
 * so that a browser still sending its file receives the answer instead of a reset connection. The Camunda webapps
 * and /engine-rest (deployments can be large) keep Tomcat's own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long LIMIT = 64 * 1024;
    static final long UPLOAD_LIMIT = 4 * 1024 * 1024;

    private final PlainErrorPage page;

    RequestSizeLimit(PlainErrorPage page) {
        this.page = page;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        boolean upload = isUpload(path);
        long limit = upload ? UPLOAD_LIMIT : LIMIT;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, upload);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Limited(super.getInputStream(), limit);
            }
        }, response);
    }

    /** 413 with the limit: for a file, what to do about it. */
    void refuse(HttpServletRequest request, HttpServletResponse response, boolean upload) throws IOException {
        page.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, upload ? "error.413.file" : "error.413.limit",
                upload ? UPLOAD_LIMIT / (1024 * 1024) + " MB" : LIMIT / 1024 + " KB");
    }

    static boolean isUpload(String path) {
        return path.equals("/users/bulk") || path.equals("/api/invitations/bulk");
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Counts what is read and stops at the limit. */
    private static final class Limited extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Limited(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
