package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Business keys are written and read in one place: what an instance's steps and the Users screen's search accept. */
class BusinessKeyTest {

    private final BusinessKey key = new BusinessKey("invitation-");

    @Test
    void readsBackTheIdItWrote() {
        assertThat(key.of(42)).isEqualTo("invitation-42");
        assertThat(key.idIn(key.of(42))).contains(42L);
        assertThat(key.idIn("invitation-999999999999999999")).contains(999_999_999_999_999_999L);
    }

    @Test
    void readsNothingButThePrefixAndDigits() {
        assertThat(key.idIn(null)).isEmpty();
        assertThat(key.idIn("invitation-")).isEmpty();
        assertThat(key.idIn("privilege-change-42")).isEmpty();
        assertThat(key.idIn("invitation--42")).isEmpty();
        assertThat(key.idIn("invitation-+42")).isEmpty();
        assertThat(key.idIn("invitation-42 ")).isEmpty();
        assertThat(key.idIn("invitation-4x2")).isEmpty();
        assertThat(key.idIn("invitation-١٢")).as("digits of other scripts").isEmpty();
        assertThat(key.idIn("invitation-1234567890123456789")).as("19 digits").isEmpty();
    }
}
