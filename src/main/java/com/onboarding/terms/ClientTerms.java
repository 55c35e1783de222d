package com.onboarding.terms;

import com.onboarding.clients.Client;
import com.onboarding.users.Language;
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

/** One version of a client's terms, in English and German; a published version never changes. */
@Entity
@Table(name = "client_terms")
public class ClientTerms {

    /** Longest text of a version, in each language (the columns' size). */
    public static final int MAX_TEXT = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    @Column(nullable = false)
    private int version;

    @Column(name = "text_en", nullable = false)
    private String textEn;

    @Column(name = "text_de", nullable = false)
    private String textDe;

    @Column(name = "published_by", nullable = false)
    private String publishedBy;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected ClientTerms() {
    }

    ClientTerms(Client client, int version, String textEn, String textDe, String publishedBy, Instant publishedAt) {
        this.client = client;
        this.version = version;
        this.textEn = textEn;
        this.textDe = textDe;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    /** The text in this language (German for German readers, English for everyone else). */
    public String text(Language language) {
        return language == Language.DE ? textDe : textEn;
    }

    public Long getId() {
        return id;
    }

    public Client getClient() {
        return client;
    }

    public int getVersion() {
        return version;
    }

    public String getTextEn() {
        return textEn;
    }

    public String getTextDe() {
        return textDe;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
