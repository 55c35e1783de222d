package com.onboarding.admin.users;

import com.onboarding.clients.Client;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.ScopeQueries;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserStatus;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.jpa.domain.Specification;

/** The user list's filters as database queries, so that paging stays in the database at any size. */
final class UserSpecifications {

    private UserSpecifications() {
    }

    static Specification<UserAccount> matching(UserSearch search, AdminScope scope, Instant now) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(ScopeQueries.covers(scope, root, query, cb));
            Optional<Long> invitationId = search.query() == null ? Optional.empty()
                    : InvitationProcess.BUSINESS_KEY.idIn(search.query().trim());
            if (invitationId.isPresent()) {
                // Cockpit's business key of an invitation process: the user it invites (or invited).
                Subquery<Long> invited = query.subquery(Long.class);
                Root<Invitation> invitation = invited.from(Invitation.class);
                invited.select(invitation.get("id")).where(cb.equal(invitation.get("user"), root),
                        cb.equal(invitation.get("id"), invitationId.get()));
                predicates.add(cb.exists(invited));
            } else if (search.query() != null && !search.query().isBlank()) {
                String like = "%" + search.query().trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
                predicates.add(cb.or(
                        cb.like(cb.lower(root.get("firstName")), like),
                        cb.like(cb.lower(root.get("lastName")), like),
                        cb.like(cb.lower(cb.concat(cb.concat(root.get("firstName"), " "), root.get("lastName"))), like),
                        cb.like(root.get("emailNormalized"), like)));
            }
            if (search.clientId() != null) {
                Subquery<Long> member = query.subquery(Long.class);
                Root<UserAccount> user = member.from(UserAccount.class);
                Join<UserAccount, Client> client = user.join("clients");
                member.select(user.get("id")).where(cb.equal(user, root), cb.equal(client.get("id"), search.clientId()));
                predicates.add(cb.exists(member));
            }
            if (search.status() != null) {
                predicates.add(hasStatus(search.status(), root, query, cb, now));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static Predicate hasStatus(UserListStatus status, Root<UserAccount> root, CriteriaQuery<?> query,
            CriteriaBuilder cb, Instant now) {
        return switch (status) {
            case INVITE_ACCEPTED -> cb.equal(root.get("status"), UserStatus.ACTIVE);
            case DEACTIVATED -> cb.equal(root.get("status"), UserStatus.DEACTIVATED);
            case AWAITING_APPROVAL, INVITED, LINK_EXPIRED, INVITATION_CANCELLED, INVITATION_REJECTED,
                    INVITATION_LAPSED -> {
                Subquery<Long> current = query.subquery(Long.class);
                Root<Invitation> invitation = current.from(Invitation.class);
                Predicate state = switch (status) {
                    case INVITED -> cb.and(cb.equal(invitation.get("status"), InvitationStatus.PENDING),
                            cb.greaterThan(invitation.get("expiresAt"), now));
                    case LINK_EXPIRED -> cb.or(cb.equal(invitation.get("status"), InvitationStatus.EXPIRED),
                            cb.and(cb.equal(invitation.get("status"), InvitationStatus.PENDING),
                                    cb.lessThanOrEqualTo(invitation.get("expiresAt"), now)));
                    case AWAITING_APPROVAL -> cb.equal(invitation.get("status"), InvitationStatus.AWAITING_APPROVAL);
                    case INVITATION_REJECTED -> cb.equal(invitation.get("status"), InvitationStatus.REJECTED);
                    case INVITATION_LAPSED -> cb.equal(invitation.get("status"), InvitationStatus.LAPSED);
                    default -> invitation.get("status").in(InvitationStatus.CANCELLED, InvitationStatus.ACCEPTED);
                };
                current.select(invitation.get("id")).where(cb.equal(invitation.get("id"), root.get("currentInvitationId")), state);
                yield cb.and(cb.equal(root.get("status"), UserStatus.INVITED), cb.exists(current));
            }
        };
    }
}
