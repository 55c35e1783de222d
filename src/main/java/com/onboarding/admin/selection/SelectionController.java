package com.onboarding.admin.selection;

import com.onboarding.RejectedRequestException;
import com.onboarding.admin.AdminScreen;
import com.onboarding.admin.users.ReturnTo;
import com.onboarding.admin.users.UserListStatus;
import com.onboarding.admin.users.UserSearch;
import com.onboarding.scopes.CurrentAdmin;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Actions on selected rows of the Users screen or a client's Users tab: the list's form asks for a confirmation that
 * names the count, confirming starts the work, and the selection's page shows each user's result.
 */
@Controller
@RequestMapping("/users/selection")
class SelectionController implements AdminScreen {

    private final UserSelections selections;
    private final CurrentAdmin currentAdmin;

    SelectionController(UserSelections selections, CurrentAdmin currentAdmin) {
        this.selections = selections;
        this.currentAdmin = currentAdmin;
    }

    /**
     * The list's selection form: an action for these users, or ({@code all}) for every user the list's filters find,
     * and where to return.
     */
    record SelectionForm(SelectionAction action, List<Long> userId, Boolean all, String q, UserListStatus status,
            Long client, String returnTo) {

        UserSelections.Choice choice() {
            boolean everyMatching = Boolean.TRUE.equals(all);
            return new UserSelections.Choice(action, everyMatching ? null : userId,
                    everyMatching ? new UserSearch(q, status, client, null, null, 0) : null);
        }

        String back() {
            return ReturnTo.safe(returnTo);
        }
    }

    /** The list's selection and action, to confirm (nothing happens yet). */
    @PostMapping("/confirm")
    String confirmation(SelectionForm form, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("confirmation", selections.confirmation(form.choice(), currentAdmin.scope()));
        } catch (RejectedRequestException e) {
            return refused(e, form, redirect);
        }
        model.addAttribute("returnTo", form.back());
        return "users/selection-confirm";
    }

    @PostMapping
    String confirm(SelectionForm form, RedirectAttributes redirect) {
        try {
            return "redirect:/users/selection/" + selections.confirm(form.choice(), currentAdmin.scope());
        } catch (RejectedRequestException e) {
            return refused(e, form, redirect);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("selection", selections.view(id, currentAdmin.scope()));
        return "users/selection";
    }

    /** Nothing selected, or no action: back to the list, which says so. */
    private static String refused(RejectedRequestException e, SelectionForm form, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage() + " " + e.problems().get(0).message());
        return "redirect:" + form.back();
    }
}
