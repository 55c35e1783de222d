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
        if (answer == Answer.TOO_MANY) {
            response.setStatus(429);
        }
        model.addAttribute("tooMany", answer == Answer.TOO_MANY);
        return "newlink/requested";
    }
}
