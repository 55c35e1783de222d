package com.onboarding.clients;

import com.onboarding.PlainText;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and renaming clients (who may is the caller's concern: admin.clients.ClientAdministration). */
@Service
public class ClientService {

    /** A client's name as entered; its shape is declared here. */
    record ClientName(
            @NotBlank(message = "{client.name.required}")
            @Size(max = Client.MAX_NAME, message = "{client.name.tooLong}")
            @PlainText
            String value) {
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
        String trimmed = name == null ? "" : name.strip();
        List<Problem> problems = validator.validate(new ClientName(trimmed)).stream()
                .map(ConstraintViolation::getMessage).map(message -> new Problem("name", message)).toList();
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(text.of("client.notSaved"), problems);
        }
        clients.findByNameIgnoreCase(trimmed).filter(other -> !other.getId().equals(clientId)).ifPresent(other -> {
            throw taken(trimmed);
        });
        return trimmed;
    }

    private RejectedRequestException taken(String name) {
        return new RejectedRequestException(text.of("client.notSaved"),
                List.of(new Problem("name", text.of("client.taken", name))));
    }
}
