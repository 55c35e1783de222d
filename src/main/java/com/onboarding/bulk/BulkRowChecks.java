package com.onboarding.bulk;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.bulk.ReferenceNames.Resolved;
import com.onboarding.invitation.InvitationRejectedException;
import com.onboarding.invitation.InvitationRules;
import com.onboarding.scopes.AdminScope;
import com.onboarding.users.UserAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The preview's check of a file's rows: the single invite's rules as the uploader, plus "the same address twice". */
@Component
class BulkRowChecks {

    private final InvitationRules rules;
    private final BulkNames names;
    private final Texts text;

    BulkRowChecks(InvitationRules rules, BulkNames names, Texts text) {
        this.rules = rules;
        this.names = names;
        this.text = text;
    }

    /** Each row's problems in one sentence, or null, in the file's order. */
    List<String> problems(List<CsvRow> rows, String personalText, AdminScope scope) {
        ReferenceNames known = names.of(scope);
        Map<String, Integer> firstRowOf = new HashMap<>();
        return rows.stream().map(row -> problem(row, known, personalText, scope, firstRowOf)).toList();
    }

    private String problem(CsvRow row, ReferenceNames known, String personalText, AdminScope scope,
            Map<String, Integer> firstRowOf) {
        Resolved resolved = known.resolve(row, personalText, scope.adminId());
        List<Problem> problems = new ArrayList<>(resolved.unknownNames());
        Set<String> unknown = resolved.unknownNames().stream().map(Problem::field).collect(Collectors.toSet());
        try {
            rules.check(resolved.request(), scope);
        } catch (InvitationRejectedException e) {
            e.problems().stream().filter(p -> !unknown.contains(p.field())).forEach(problems::add);
        }
        if (row.email() != null) {
            Integer first = firstRowOf.putIfAbsent(UserAccount.normalizeEmail(row.email()), row.number());
            if (first != null) {
                problems.add(new Problem("email", text.of("bulk.duplicate", row.email(), first)));
            }
        }
        return problems.isEmpty() ? null : BulkRowInviter.sentence(problems);
    }
}
