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
import org.springframework.web.bind.annotation.RequestParam;
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

    /** The list's selection and action, to confirm (nothing happens yet). */
    @PostMapping("/confirm")
    String confirmation(@RequestParam(required = false) SelectionAction action,
            @RequestParam(name = "userId", required = false) List<Long> userIds,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) String q,
            @RequestParam(required = false) UserListStatus status, @RequestParam(required = false) Long client,
            @RequestParam(defaultValue = "/users") String returnTo, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("confirmation", selections.confirmation(choice(action, userIds, all, q, status, client),
                    currentAdmin.scope()));
        } catch (RejectedRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage() + " " + e.problems().get(0).message());
            return "redirect:" + ReturnTo.safe(returnTo);
        }
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        return "users/selection-confirm";
    }

    @PostMapping
    String confirm(@RequestParam(required = false) SelectionAction action,
            @RequestParam(name = "userId", required = false) List<Long> userIds,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) String q,
            @RequestParam(required = false) UserListStatus status, @RequestParam(required = false) Long client,
            @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        try {
            long id = selections.confirm(choice(action, userIds, all, q, status, client), currentAdmin.scope());
            return "redirect:/users/selection/" + id;
        } catch (RejectedRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage() + " " + e.problems().get(0).message());
            return "redirect:" + ReturnTo.safe(returnTo);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("selection", selections.view(id, currentAdmin.scope()));
        return "users/selection";
    }

    /** These users, or (all) every user the list's filters find. */
    static UserSelections.Choice choice(SelectionAction action, List<Long> userIds, boolean all, String q,
            UserListStatus status, Long client) {
        return new UserSelections.Choice(action, all ? null : userIds,
                all ? new UserSearch(q, status, client, null, null, 0) : null);
    }
}
