package com.onboarding.admin.clients;

import com.onboarding.clients.Client;
import com.onboarding.terms.ClientTerms;
import com.onboarding.terms.Terms;
import java.time.Instant;
import com.onboarding.clients.ClientService.ClientDetails;
import io.swagger.v3.oas.annotations.Operation;
import com.onboarding.scopes.CurrentAdmin;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
@Tag(name = "Clients", description = "The clients you administer; global admins create and change them")
class ClientsApi {

    /** {@code landingUrl}: where the client's users go after registering; https only; absent or empty: none. */
    record ClientBody(Long id, String name, String landingUrl) {
        static ClientBody of(Client client) {
            return new ClientBody(client.getId(), client.getName(), client.getLandingUrl());
        }

        ClientDetails details() {
            return new ClientDetails(name, landingUrl);
        }
    }

    /** A client in the list: {@code users}, how many users its Users tab shows you. */
    record ListedBody(long id, String name, String landingUrl, long users) {
        static ListedBody of(ClientAdministration.Listed listed) {
            return new ListedBody(listed.client().getId(), listed.client().getName(),
                    listed.client().getLandingUrl(), listed.users());
        }
    }

    /** One version of a client's terms. */
    record TermsBody(long id, int version, String textEn, String textDe, String publishedBy, Instant publishedAt) {
        static TermsBody of(ClientTerms terms) {
            return new TermsBody(terms.getId(), terms.getVersion(), terms.getTextEn(), terms.getTextDe(),
                    terms.getPublishedBy(), terms.getPublishedAt());
        }
    }

    private final ClientAdministration clients;
    private final Terms terms;
    private final CurrentAdmin currentAdmin;

    ClientsApi(ClientAdministration clients, Terms terms, CurrentAdmin currentAdmin) {
        this.clients = clients;
        this.terms = terms;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping("/{id}/terms")
    @Operation(summary = "The versions of a client's terms, newest (current) first")
    List<TermsBody> terms(@PathVariable long id) {
        return terms.versions(id, currentAdmin.scope()).stream().map(TermsBody::of).toList();
    }

    @PostMapping("/{id}/terms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new version (textEn, textDe); users accept it before they go on. Global admins")
    TermsBody publishTerms(@PathVariable long id, @RequestBody Terms.NewVersion body) {
        return TermsBody.of(terms.publish(id, body, currentAdmin.scope()));
    }

    @GetMapping
    @Operation(summary = "The clients you administer, each with the number of its users you see")
    List<ListedBody> list() {
        return clients.visible(currentAdmin.scope()).stream().map(ListedBody::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClientBody create(@RequestBody ClientBody body) {
        return ClientBody.of(clients.create(body.details(), currentAdmin.scope()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a client's name and landing page (a landing page left out is removed)")
    ClientBody change(@PathVariable long id, @RequestBody ClientBody body) {
        return ClientBody.of(clients.change(id, body.details(), currentAdmin.scope()));
    }
}
