package com.onboarding.admin.clients;

import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.providers.IdentityProvider;
import com.onboarding.providers.IdentityProviders;
import com.onboarding.providers.IdentityProviders.Settings;
import com.onboarding.providers.ProviderRegistrations;
import com.onboarding.scopes.CurrentAdmin;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A client's Sign-in tab: its own identity provider; global admins set, change and remove it. */
@Controller
@RequestMapping("/clients/{id}/sign-in")
class ClientProviderController implements AdminScreen {

    private final ClientAdministration clients;
    private final IdentityProviders providers;
    private final CurrentAdmin currentAdmin;
    private final Texts text;

    ClientProviderController(ClientAdministration clients, IdentityProviders providers, CurrentAdmin currentAdmin,
            Texts text) {
        this.clients = clients;
        this.providers = providers;
        this.currentAdmin = currentAdmin;
        this.text = text;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        IdentityProvider provider = providers.of(id, currentAdmin.scope()).orElse(null);
        Settings draft = provider == null ? new Settings(null, null, null, null)
                : new Settings(provider.getIssuer(), provider.getProviderClient(), null, provider.getEmailDomain());
        return page(id, provider, draft, model);
    }

    @PostMapping
    String save(@PathVariable long id, @RequestParam(required = false) String issuer,
            @RequestParam(required = false) String clientId, @RequestParam(required = false) String clientSecret,
            @RequestParam(required = false) String emailDomain, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Settings entered = new Settings(issuer, clientId, clientSecret, emailDomain);
        try {
            providers.configure(id, entered, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.providerSaved"));
            return "redirect:/clients/" + id + "/sign-in";
        } catch (RejectedRequestException e) {
            showRefusal(e, model, response);
            return page(id, providers.of(id, currentAdmin.scope()).orElse(null), entered, model);
        }
    }

    @PostMapping("/delete")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        providers.remove(id, currentAdmin.scope());
        redirect.addFlashAttribute("success", text.of("flash.providerRemoved"));
        return "redirect:/clients/" + id + "/sign-in";
    }

    private String page(long id, IdentityProvider provider, Settings draft, Model model) {
        model.addAttribute("clientEntity", clients.get(id, currentAdmin.scope()));
        model.addAttribute("provider", provider);
        model.addAttribute("draft", draft);
        // The address to register at the provider as this service's redirect URI.
        model.addAttribute("callback", provider == null ? null : ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(ProviderRegistrations.CALLBACK_PATH + provider.getRegistrationId()).toUriString());
        return "clients/provider";
    }
}
