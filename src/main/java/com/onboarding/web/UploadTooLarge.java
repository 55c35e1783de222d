package com.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file whose size was not declared (a chunked upload) and turned out larger than the multipart limits: the same
 * answer as {@link RequestSizeLimit} gives a declared one. Answered here, in the request that read it: Spring's
 * default (an error dispatch) would parse the refused body again and answer 413 with nothing in it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private final RequestSizeLimit limit;

    UploadTooLarge(RequestSizeLimit limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        limit.refuse(request, response, RequestSizeLimit.isUpload(RequestSizeLimit.path(request)));
    }
}
