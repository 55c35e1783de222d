package com.onboarding.admin.scopes;

import com.onboarding.scopes.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators added through the API: global admins only, as on the Administrators screen. */
@RestController
@RequestMapping("/api/admins")
@Tag(name = "Administrators", description = "Add administrators (HTTP Basic with a global admin's Camunda account)")
class AdminsApi {

    record Added(String id) {
    }

    private final AdminAccounts accounts;
    private final CurrentAdmin currentAdmin;

    AdminsApi(AdminAccounts accounts, CurrentAdmin currentAdmin) {
        this.accounts = accounts;
        this.currentAdmin = currentAdmin;
    }

    @PostMapping
    @Operation(summary = "Add an administrator: {id, firstName, lastName, email, global, clientIds, permissionCodes} "
            + "(global: every client; otherwise the clients and the permissions they may grant). The account exists at "
            + "once; a link valid 7 days, usable once, is mailed for them to set their own password")
    ResponseEntity<Added> add(@RequestBody AdminAccounts.NewAdmin admin) {
        accounts.add(admin, currentAdmin.scope());
        return ResponseEntity.created(URI.create("/admins")).body(new Added(admin.id().strip()));
    }

    @PostMapping("/{adminId}/setup-link")
    @Operation(summary = "Mail the administrator a new link to set their password; earlier links stop working")
    ResponseEntity<Void> newLink(@PathVariable String adminId) {
        accounts.newLink(adminId, currentAdmin.scope());
        return ResponseEntity.accepted().build();
    }
}
