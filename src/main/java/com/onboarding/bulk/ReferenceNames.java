package com.onboarding.bulk;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.clients.Client;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.users.Language;
import com.onboarding.users.Permission;
import com.onboarding.users.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Role, permissions and clients as a file names them (by name or code, any case) turned into what an invitation
 * refers to. A scoped admin's clients are the only ones known: another client's name reads as unknown, the same words
 * the single invite uses, so a file reveals nothing about other clients.
 */
final class ReferenceNames {

    /** An invitation request from a row, and the names in it that refer to nothing. */
    record Resolved(InvitationRequest request, List<Problem> unknownNames) {
    }

    private final Map<String, String> roles;
    private final Map<String, String> permissions;
    private final Map<String, Long> clients;
    private final String rolesList;
    private final Texts text;

    ReferenceNames(List<Role> roles, List<Permission> permissions, List<Client> clients, Texts text) {
        this.text = text;
        this.roles = index(roles, role -> withCode(role.names(), role.getCode()), Role::getCode);
        this.permissions = index(permissions, permission -> withCode(permission.names(), permission.getCode()),
                Permission::getCode);
        this.clients = index(clients, client -> List.of(client.getName()), Client::getId);
        this.rolesList = String.join(", ", roles.stream().map(Role::getName).toList());
    }

    Resolved resolve(CsvRow row, String personalText, String invitedBy) {
        List<Problem> problems = new ArrayList<>();
        String role = null;
        if (row.role() != null) {
            role = roles.get(key(row.role()));
            if (role == null) {
                problems.add(new Problem("role", text.of("bulk.unknown.role", row.role(), rolesList)));
            }
        }
        List<String> permissionCodes = all(row.permissions(), permissions, "permissions", "permission", problems);
        List<Long> clientIds = all(row.clients(), clients, "clients", "client", problems);
        // An empty language cell means English, as the invite form preselects.
        String language = row.language() == null ? Language.EN.code() : languageCode(row.language());
        Integer linkValidityDays = days(row.linkValidityDays(), problems);
        return new Resolved(new InvitationRequest(row.email(), row.firstName(), row.lastName(), language,
                personalText, role == null ? "" : role, permissionCodes, clientIds, invitedBy, linkValidityDays),
                problems);
    }

    /** The validity cell as a whole number of days (the rules check its range); empty: the setting. */
    private Integer days(String cell, List<Problem> problems) {
        if (cell == null) {
            return null;
        }
        try {
            return Integer.valueOf(cell.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem("linkValidityDays", text.of("bulk.linkValidityDays.notNumber", cell)));
            return null;
        }
    }

    /** The values of a list cell's names; each unknown name is a problem of that field. */
    private <V> List<V> all(String cell, Map<String, V> index, String field, String what, List<Problem> problems) {
        List<V> values = new ArrayList<>();
        for (String name : BulkCsv.items(cell)) {
            V value = index.get(key(name));
            if (value == null) {
                problems.add(new Problem(field, text.of("bulk.unknown." + what, name)));
            } else {
                values.add(value);
            }
        }
        return values;
    }

    /** "de", "Deutsch", "German" all mean German; anything else goes to the rules as written. */
    private static String languageCode(String cell) {
        for (Language language : Language.values()) {
            if (cell.equalsIgnoreCase(language.code()) || cell.equalsIgnoreCase(language.displayName())
                    || cell.equalsIgnoreCase(language.locale().getDisplayLanguage(Locale.ENGLISH))) {
                return language.code();
            }
        }
        return cell;
    }

    /** Each item under every name it may be written as, in any case. */
    private static <T, V> Map<String, V> index(List<T> items, Function<T, List<String>> names, Function<T, V> value) {
        Map<String, V> index = new HashMap<>();
        for (T item : items) {
            names.apply(item).forEach(name -> index.putIfAbsent(key(name), value.apply(item)));
        }
        return index;
    }

    private static List<String> withCode(List<String> names, String code) {
        List<String> all = new ArrayList<>(names);
        all.add(code);
        return all;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
