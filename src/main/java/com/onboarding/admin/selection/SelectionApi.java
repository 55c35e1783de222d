package com.onboarding.admin.selection;

import com.onboarding.admin.users.UserListStatus;
import com.onboarding.admin.users.UserSearch;
import com.onboarding.scopes.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Actions on many users at once through the API: the same selections as the Users screen's. */
@RestController
@RequestMapping("/api/users/selection")
@Tag(name = "Users", description = "Invite and administer users (HTTP Basic with a Camunda admin account)")
class SelectionApi {

    /** Every user the list's search finds: free text, status, client (each optional). */
    record Filter(String q, UserListStatus status, Long client) {
    }

    /** One action for these users, or for every user the filter finds (then userIds is left out). */
    record SelectionBody(SelectionAction action, List<Long> userIds, Filter filter) {
    }

    private final UserSelections selections;
    private final CurrentAdmin currentAdmin;

    SelectionApi(UserSelections selections, CurrentAdmin currentAdmin) {
        this.selections = selections;
        this.currentAdmin = currentAdmin;
    }

    @PostMapping
    @Operation(summary = "Resend, cancel the invitation of, deactivate, reactivate or delete many users at once (at "
            + "most 10,000): each as by its single action, with the same rules and audit, in the background; answers "
            + "202 with the selection, whose Location shows each user's result (done, or refused with the reason)")
    ResponseEntity<UserSelections.SelectionView> confirm(@RequestBody SelectionBody body) {
        Filter filter = body.filter();
        UserSelections.Choice choice = new UserSelections.Choice(body.action(), body.userIds(),
                filter == null ? null : new UserSearch(filter.q(), filter.status(), filter.client(), null, null, 0));
        long id = selections.confirm(choice, currentAdmin.scope());
        return ResponseEntity.accepted().location(URI.create("/api/users/selection/" + id))
                .body(selections.view(id, currentAdmin.scope()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A selection you confirmed: counts and each user's result, refusals first")
    UserSelections.SelectionView get(@PathVariable long id) {
        return selections.view(id, currentAdmin.scope());
    }
}
