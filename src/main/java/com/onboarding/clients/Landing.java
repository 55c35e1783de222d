package com.onboarding.clients;

import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Where a user of a client continues after registering: the client's name and its landing page. */
public record Landing(String client, String url) implements Serializable {

    /** The landing pages of these clients that have one, by client name. */
    public static List<Landing> of(Collection<Client> clients) {
        return clients.stream().filter(client -> client.getLandingUrl() != null)
                .sorted(Comparator.comparing(Client::getName, String.CASE_INSENSITIVE_ORDER))
                .map(client -> new Landing(client.getName(), client.getLandingUrl())).toList();
    }
}
