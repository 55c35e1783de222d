package com.onboarding.bulk;

import com.onboarding.Texts;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.Grants;
import com.onboarding.users.PermissionRepository;
import com.onboarding.users.RoleRepository;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The roles, permissions and clients a file may name, as an admin may grant them: for the preview and each step. */
@Component
class BulkNames {

    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final Grants grants;
    private final Texts text;

    BulkNames(RoleRepository roles, PermissionRepository permissions, Grants grants, Texts text) {
        this.roles = roles;
        this.permissions = permissions;
        this.grants = grants;
        this.text = text;
    }

    ReferenceNames of(AdminScope scope) {
        return new ReferenceNames(roles.findAllByOrderByNameAsc(), permissions.findAllByOrderByNameAsc(),
                grants.clients(scope), text);
    }

    /**
     * The roles' names as a file may write them (either language, any case) to their name on the page: the preview
     * shows a role in the reader's language, whatever the file said ("Standardbenutzer" on an English page).
     */
    @Transactional(readOnly = true)
    Map<String, String> roleNames() {
        Map<String, String> shown = new HashMap<>();
        roles.findAllByOrderByNameAsc().forEach(role -> role.names()
                .forEach(written -> shown.put(written.toLowerCase(Locale.ROOT), role.getName())));
        return shown;
    }
}
