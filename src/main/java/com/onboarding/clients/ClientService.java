package com.onboarding.clients;

import com.onboarding.PlainText;
import com.onboarding.WebAddress;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing clients (who may is the caller's concern: admin.clients.ClientAdministration). */
@Service
public class ClientService {

    /** A client's name and landing page as entered; their shape is declared here. */
    public record ClientDetails(
            @NotBlank(message = "{client.name.required}")
            @Size(max = Client.MAX_NAME, message = "{client.name.tooLong}")
            @PlainText
            String name,
            /** Optional: where its users go after registering. */
            @WebAddress
            String landingUrl) {

        public ClientDetails {
            name = name == null ? "" : name.strip();
            landingUrl = landingUrl == null || landingUrl.isBlank() ? null : landingUrl.strip();
        }
    }

    private final ClientRepository clients;
    private final Validator validator;
    private final Clock clock;
    private final Texts text;

    public ClientService(ClientRepository clients, Validator validator, Clock clock, Texts text) {
        this.clients = clients;
        this.validator = validator;
        this.clock = clock;
        this.text = text;
    }

    @Transactional
    public Client create(ClientDetails details) {
        check(details, null);
        Client client = new Client(details.name(), clock.instant());
        client.setLandingUrl(details.landingUrl());
        try {
            return clients.saveAndFlush(client);
        } catch (DataIntegrityViolationException e) {
            throw taken(details.name());
        }
    }

    @Transactional
    public Client change(long clientId, ClientDetails details) {
        check(details, clientId);
        Client client = clients.findById(clientId).orElseThrow();
        client.rename(details.name());
        client.setLandingUrl(details.landingUrl());
        return client;
    }

    private void check(ClientDetails details, Long clientId) {
        List<Problem> problems = RejectedRequestException.problems(validator.validate(details));
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(text.of("client.notSaved"), problems);
        }
        clients.findByNameIgnoreCase(details.name()).filter(other -> !other.getId().equals(clientId))
                .ifPresent(other -> {
                    throw taken(details.name());
                });
    }

    private RejectedRequestException taken(String name) {
        return new RejectedRequestException(text.of("client.notSaved"),
                List.of(new Problem("name", text.of("client.taken", name))));
    }
}
