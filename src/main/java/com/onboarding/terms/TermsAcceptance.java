package com.onboarding.terms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user accepted one version of a client's terms, at this time. */
@Entity
@Table(name = "terms_acceptance")
public class TermsAcceptance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "terms_id")
    private ClientTerms terms;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    protected TermsAcceptance() {
    }

    TermsAcceptance(long userId, ClientTerms terms, Instant acceptedAt) {
        this.userId = userId;
        this.terms = terms;
        this.acceptedAt = acceptedAt;
    }

    public ClientTerms getTerms() {
        return terms;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
