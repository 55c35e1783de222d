package com.onboarding.security;

import com.onboarding.links.LinkTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    static final String KEY = "ZGV2ZWxvcG1lbnQtb25seS1vbmJvYXJkaW5nLWxpbmtzLWtleSE=";
    static final String OTHER_KEY = "cmVsaWFiaWxpdHktc3VpdGUtbGlua3Mta2V5LTMyLWJ5dGVzIQ==";

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
    void aLinksTokenIsDerived_theSameForTheSameLink_differentForAnyOtherLinkOrKey() {
        LinkTokens keyed = new LinkTokens(KEY);
        String first = keyed.forLink("invitation:7:1796450000000", 1);
        assertThat(first).matches("[A-Za-z0-9_-]{43}").isEqualTo(new LinkTokens(KEY).forLink("invitation:7:1796450000000", 1));
        assertThat(keyed.isWellFormed(first)).isTrue();
        assertThat(keyed.forLink("invitation:7:1796450000000", 2)).isNotEqualTo(first);
        assertThat(keyed.forLink("invitation:8:1796450000000", 1)).isNotEqualTo(first);
        assertThat(keyed.forLink("invitation:7:1796450000001", 1)).isNotEqualTo(first);
        assertThat(new LinkTokens(OTHER_KEY).forLink("invitation:7:1796450000000", 1)).isNotEqualTo(first);
        assertThat(tokens.forLink("invitation:7:1796450000000", 1)).as("a random key when none is configured")
                .isNotEqualTo(first);
    }

    @Test
    void theSameLinkIsTheSameMail_byItsMessageId() {
        String token = tokens.newToken();
        assertThat(tokens.messageId(token, "onboarding.example")).isEqualTo(tokens.messageId(token, "onboarding.example"))
                .matches("<link-[0-9a-f]{40}@onboarding\\.example>").doesNotContain(token)
                .doesNotContain(tokens.hash(token));
        assertThat(tokens.messageId(tokens.newToken(), "onboarding.example"))
                .isNotEqualTo(tokens.messageId(token, "onboarding.example"));
    }

    @Test
    void aConfiguredKeyMustBeBase64OfAtLeast32Bytes() {
        assertThatThrownBy(() -> new LinkTokens("not base64!")).hasMessageContaining("must be Base64");
        assertThatThrownBy(() -> new LinkTokens("c2hvcnQ=")).hasMessageContaining("at least 32 bytes (it has 5)");
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
