package com.onboarding.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The user's row as processes name it (the variable userLink), and back: one format, written and read in one place. */
class AdminPathTest {

    @Test
    void aUsersPathNamesThatUser() {
        assertThat(UserAccount.adminPath(42)).isEqualTo("/users/42");
        assertThat(UserAccount.fromAdminPath(UserAccount.adminPath(42))).contains(42L);
    }

    @Test
    void anythingElseNamesNobody() {
        for (String other : new String[] {null, "", "/users/", "/users/42/edit", "/users/-1", "/clients/42",
                "https://evil.example/users/42", "/users/99999999999999999999", "/users/4２"}) {
            assertThat(UserAccount.fromAdminPath(other)).as(String.valueOf(other)).isEmpty();
        }
    }
}
