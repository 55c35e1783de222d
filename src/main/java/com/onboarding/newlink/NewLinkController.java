package com.onboarding.newlink;

import com.onboarding.newlink.NewLinkRequests.Answer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Send me a new link", the form on the dead-link page. */
@Controller
class NewLinkController {

    private final NewLinkRequests requests;

    NewLinkController(NewLinkRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/register/new-link")
    String ask(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Answer answer = requests.ask(email, request.getRemoteAddr());
        if (answer.tooMany()) {
            response.setStatus(429);
            // Whole seconds, rounded up (RFC 9110).
            response.setHeader("Retry-After", String.valueOf((answer.retryAfter().toMillis() + 999) / 1000));
        }
        model.addAttribute("tooMany", answer.tooMany());
        return "newlink/requested";
    }
}
