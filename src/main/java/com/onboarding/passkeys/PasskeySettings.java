package com.onboarding.passkeys;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passkeys, under {@code onboarding.passkeys}: {@code rp-id}, the domain passkeys are bound to (default: the host of
 * {@code onboarding.public-base-url}); {@code allowed-origins}, the pages that may use them (default: the public base
 * URL's origin); {@code localhost-any-port} (tests only): also {@code http://localhost:<the port this server got>}.
 */
@ConfigurationProperties("onboarding.passkeys")
public class PasskeySettings {

    private String rpId;
    private List<String> allowedOrigins = new ArrayList<>();
    private boolean localhostAnyPort;

    public String getRpId() {
        return rpId;
    }

    public void setRpId(String rpId) {
        this.rpId = rpId;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins == null ? new ArrayList<>() : allowedOrigins;
    }

    public boolean isLocalhostAnyPort() {
        return localhostAnyPort;
    }

    public void setLocalhostAnyPort(boolean localhostAnyPort) {
        this.localhostAnyPort = localhostAnyPort;
    }
}
