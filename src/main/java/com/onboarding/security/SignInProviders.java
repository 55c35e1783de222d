package com.onboarding.security;

import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One sign-in for both kinds of people: administrators are Camunda users (checked by Camunda's identity
 * service, so Camunda Admin manages them), registered users are checked against their Argon2 hash. Failures
 * are always the same BadCredentialsException, and every attempt costs one Argon2 check, whether the name exists,
 * is deactivated or is unknown: nobody learns which names exist, neither from the answer nor from its timing.
 * Camunda user ids cannot contain '@' and users sign in with their email, so a name is one or the other.
 */
@Component
public class SignInProviders implements AuthenticationProvider {

    private final IdentityService identity;
    private final UserAccountRepository users;
    private final PasswordHashing hashing;
    private final LoginThrottle throttle;
    private final RecentSignIns recentAdmins;

    public SignInProviders(IdentityService identity, UserAccountRepository users, PasswordHashing hashing,
            LoginThrottle throttle, RecentSignIns recentAdmins) {
        this.identity = identity;
        this.users = users;
        this.hashing = hashing;
        this.throttle = throttle;
        this.recentAdmins = recentAdmins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (throttle.isBlocked(name)) {
            throw new LockedException("Too many failed sign-ins. Wait 15 minutes and try again.");
        }
        Authentication recent = recentAdmins.get(name, password);
        if (recent != null) {
            return recent;
        }
        if (!name.isEmpty() && identity.createUserQuery().userId(name).count() > 0) {
            if (identity.checkPassword(name, password)) {
                List<SimpleGrantedAuthority> authorities = new ArrayList<>();
                authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
                identity.createGroupQuery().groupMember(name).list()
                        .forEach(group -> authorities.add(new SimpleGrantedAuthority(Roles.group(group.getId()))));
                return recentAdmins.put(name, password,
                        UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
            }
            throw wrong();
        }
        UserAccount user = users.findByEmailNormalized(UserAccount.normalizeEmail(name))
                .filter(candidate -> candidate.getStatus() == UserStatus.ACTIVE && candidate.getPasswordHash() != null)
                .orElse(null);
        if (user == null) {
            hashing.spendTimeOfOneCheck(password);
            throw wrong();
        }
        if (hashing.encoder().matches(password, user.getPasswordHash())) {
            return authenticated(user.getEmail(), Roles.USER);
        }
        throw wrong();
    }

    private static BadCredentialsException wrong() {
        return new BadCredentialsException("Wrong email, user name or password.");
    }

    private static Authentication authenticated(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
