package com.onboarding.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error page (an unknown address, a refused method or content
 * type, an oversize body, a failure nobody handled) looks like the product: a page in the visitor's language, or
 * problem details for the JSON API. Never a stack trace, never an exception's text.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    private final PlainErrorPage texts;
    private final Problems problems;

    ErrorPages(PlainErrorPage texts, Problems problems) {
        this.texts = texts;
        this.problems = problems;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        HttpStatus status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (Problems.isApi(path)) {
            problems.write(response, problems.of(status, texts.body(status, locale), null));
            return null;
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error/page");
        page.addObject("title", texts.title(status, locale));
        page.addObject("body", texts.body(status, locale));
        page.addObject("status", status.value());
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
