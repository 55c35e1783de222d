package com.onboarding.clients;

import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and renaming clients (global admins only; the caller checks who acts). */
@Service
public class ClientService {

    static final int MAX_NAME = 200;

    private final ClientRepository clients;
    private final Clock clock;

    public ClientService(ClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional
    public Client create(String name) {
        String valid = check(name, null);
        try {
            return clients.saveAndFlush(new Client(valid, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw taken(valid);
        }
    }

    @Transactional
    public Client rename(long clientId, String name) {
        String valid = check(name, clientId);
        Client client = clients.findById(clientId).orElseThrow();
        client.rename(valid);
        return client;
    }

    private String check(String name, Long clientId) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new RejectedRequestException("The client was not saved:", List.of(new Problem("name", "Name is required.")));
        }
        if (trimmed.length() > MAX_NAME) {
            throw new RejectedRequestException("The client was not saved:",
                    List.of(new Problem("name", "The name is longer than " + MAX_NAME + " characters.")));
        }
        clients.findByNameIgnoreCase(trimmed).filter(other -> !other.getId().equals(clientId)).ifPresent(other -> {
            throw taken(trimmed);
        });
        return trimmed;
    }

    private static RejectedRequestException taken(String name) {
        return new RejectedRequestException("The client was not saved:",
                List.of(new Problem("name", "A client named '" + name + "' already exists.")));
    }
}
