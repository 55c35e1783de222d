package com.onboarding.newlink;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request from the dead-link page, until its check has run: then it is deleted. */
@Entity
@Table(name = "new_link_request")
class NewLinkRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected NewLinkRequest() {
    }

    NewLinkRequest(String email, Instant requestedAt) {
        this.email = email;
        this.requestedAt = requestedAt;
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }
}
