package com.onboarding.admin.clients;

import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.terms.ClientTerms;
import com.onboarding.terms.Terms;
import com.onboarding.terms.Terms.NewVersion;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A client's Terms tab: its versions; global admins publish a new one. */
@Controller
@RequestMapping("/clients/{id}/terms")
class ClientTermsController implements AdminScreen {

    private final ClientAdministration clients;
    private final Terms terms;
    private final CurrentAdmin currentAdmin;
    private final Texts text;

    ClientTermsController(ClientAdministration clients, Terms terms, CurrentAdmin currentAdmin, Texts text) {
        this.clients = clients;
        this.terms = terms;
        this.currentAdmin = currentAdmin;
        this.text = text;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        List<ClientTerms> versions = terms.versions(id, currentAdmin.scope());
        ClientTerms current = versions.isEmpty() ? null : versions.get(0);
        return page(id, versions, current == null ? new NewVersion("", "")
                : new NewVersion(current.getTextEn(), current.getTextDe()), model);
    }

    @PostMapping
    String publish(@PathVariable long id, @RequestParam String textEn, @RequestParam String textDe, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        NewVersion entered = new NewVersion(textEn, textDe);
        try {
            ClientTerms published = terms.publish(id, entered, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.termsPublished", published.getVersion()));
            return "redirect:/clients/" + id + "/terms";
        } catch (RejectedRequestException e) {
            showRefusal(e, model, response);
            return page(id, terms.versions(id, currentAdmin.scope()), entered, model);
        }
    }

    private String page(long id, List<ClientTerms> versions, NewVersion draft, Model model) {
        model.addAttribute("clientEntity", clients.get(id, currentAdmin.scope()));
        model.addAttribute("versions", versions);
        model.addAttribute("draft", draft);
        return "clients/terms";
    }
}
