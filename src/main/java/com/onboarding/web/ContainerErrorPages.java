package com.onboarding.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The errors Tomcat answers itself, before a request reaches the application (a URL that does not decode, such as
 * {@code /users/%ff} or {@code /users/..%2f..}, a NUL in the path, a request line or headers over the size limit):
 * they were Tomcat's own unbranded "HTTP Status 400" page in English, without the product's security headers, also
 * on /api. This replaces the host's error report with {@link PlainErrorPage}. Errors the application answered
 * itself (its {@link ErrorPages}) are left as they are. A request line over the limit is refused before its path is
 * known: it gets the page, in English (its headers were never read).
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final PlainErrorPage page;

    ContainerErrorPages(PlainErrorPage page) {
        this.page = page;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            host.getPipeline().addValve(new Report(page));
            // The host adds its default report unless one of this class is there already.
            ((StandardHost) host).setErrorReportValveClass(Report.class.getName());
        });
    }

    /** Tomcat's error report valve, writing the product's page. */
    static final class Report extends ErrorReportValve {

        private final PlainErrorPage page;

        Report(PlainErrorPage page) {
            this.page = page;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            // As Tomcat's own: nothing for a success or a redirect, nor when the response has a body already.
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            try {
                response.resetBuffer();
                page.write(request, response, status != null ? status
                        : code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR, null);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client went away, or the response was committed meanwhile: nothing left to tell.
            }
        }
    }
}
