package com.onboarding.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A company on whose behalf users work; the permission level of a user. */
@Entity
@Table(name = "client")
public class Client {

    /** Longest client name (the column's size). */
    public static final int MAX_NAME = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Where the client's users go after registering (shown on the last page and in the confirmation mail). */
    @Column(name = "landing_url")
    private String landingUrl;

    protected Client() {
    }

    public Client(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void setLandingUrl(String landingUrl) {
        this.landingUrl = landingUrl;
    }

    public String getLandingUrl() {
        return landingUrl;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
