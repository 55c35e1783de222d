package com.onboarding.security;

import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who a passkey signs in: an active registered user, with the user role (a passkey of an invitee who has not finished
 * registering, or of a deactivated user, signs in nobody). Handed to Spring Security's passkey sign-in only; it is no
 * UserDetailsService bean, so no password sign-in can ever fall back to it past the throttle and the audit.
 */
@Component
class PasskeySignIn {

    private final UserAccountRepository users;

    PasskeySignIn(UserAccountRepository users) {
        this.users = users;
    }

    UserDetailsService users() {
        return email -> users.findByEmailNormalized(UserAccount.normalizeEmail(email))
                .filter(user -> user.getStatus() == UserStatus.ACTIVE)
                .map(user -> User.withUsername(user.getEmail()).password("")
                        .authorities(new SimpleGrantedAuthority("ROLE_" + Roles.USER)).build())
                .orElseThrow(() -> new UsernameNotFoundException("No active user with this passkey"));
    }
}
