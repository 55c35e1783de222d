package com.onboarding.admin.users;

import com.onboarding.Texts;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.web.Refusal;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A row action of the Users screen, a client's Users tab or a user's page, done as the signed-in admin. */
@Component
class RowActions {

    private final CurrentAdmin currentAdmin;
    private final Texts text;

    RowActions(CurrentAdmin currentAdmin, Texts text) {
        this.currentAdmin = currentAdmin;
        this.text = text;
    }

    /**
     * Runs the action and returns where it was started with what happened, or why nothing did (a conflict); "not
     * found" and "not allowed" get their page.
     */
    String act(String returnTo, RedirectAttributes redirect, Function<AdminScope, UserRow> action, String successKey,
            Object... more) {
        try {
            String email = action.apply(currentAdmin.scope()).email();
            redirect.addFlashAttribute("success",
                    text.of(successKey, Stream.concat(Stream.of(email), Arrays.stream(more)).toArray()));
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e, text).filter(r -> r.status().value() == 409).orElseThrow(() -> e);
            redirect.addFlashAttribute("error", refusal.message());
        }
        return "redirect:" + ReturnTo.safe(returnTo);
    }
}
