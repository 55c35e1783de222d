package com.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses the product sends people or data to: https, or http to this machine only; no user names. */
class WebAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "https://app.example.com:8443/start?x=1#top",
            "HTTPS://APP.EXAMPLE.COM/", "http://localhost:8080/hook", "http://127.0.0.1/", "http://[::1]:9000/"})
    void accepted(String address) {
        assertThat(WebAddress.Check.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com", "http://localhost.evil.example/", "http://127.0.0.1.evil.example/",
            "https://user:secret@app.example.com", "https://bank.example@evil.example", "javascript:alert(1)",
            "data:text/html,hi", "//app.example.com", "/relative", "https://", "https:///path", "ftp://example.com",
            "https://app example.com", "https://app.example.com/\nSet-Cookie:x", " https://app.example.com"})
    void refused(String address) {
        assertThat(WebAddress.Check.isValid(address)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void atMostTheLimit() {
        String base = "https://app.example.com/";
        assertThat(WebAddress.Check.isValid(base + "a".repeat(WebAddress.MAX_LENGTH - base.length()))).isTrue();
        assertThat(WebAddress.Check.isValid(base + "a".repeat(WebAddress.MAX_LENGTH - base.length() + 1))).isFalse();
    }
}
