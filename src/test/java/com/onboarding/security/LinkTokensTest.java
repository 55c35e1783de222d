package com.onboarding.security;

import com.onboarding.links.LinkTokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    final LinkTokens tokens = new LinkTokens();

    @Test
    void tokensCarry256RandomBitsInUrlSafeForm() {
        String token = tokens.newToken();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.isWellFormed(token)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(tokens.newToken())).isTrue();
        }
    }

    @Test
    void onlyTheHashIsStored_deterministicAndNotTheToken() {
        String token = tokens.newToken();
        String hash = tokens.hash(token);
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(tokens.hash(token)).doesNotContain(token);
        assertThat(tokens.hash(tokens.newToken())).isNotEqualTo(hash);
    }

    @Test
    void malformedTokensAreRecognisedWithoutTouchingTheDatabase() {
        assertThat(tokens.isWellFormed(null)).isFalse();
        assertThat(tokens.isWellFormed("")).isFalse();
        assertThat(tokens.isWellFormed("A".repeat(42))).isFalse();
        assertThat(tokens.isWellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(tokens.isWellFormed("' or 1=1 --" + "A".repeat(32))).isFalse();
    }
}
