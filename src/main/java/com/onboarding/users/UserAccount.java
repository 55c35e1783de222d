package com.onboarding.users;

import com.onboarding.clients.Client;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A user of the business application, from invitation on. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    /** Longest first or last name (the column's size). */
    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_normalized", nullable = false)
    private String emailNormalized;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserStatus status;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_code")
    private Role role;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "user_permission", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "permission_code"))
    private Set<Permission> permissions = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "user_client", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "client_id"))
    private Set<Client> clients = new LinkedHashSet<>();

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "registered_with_passkey", nullable = false)
    private boolean registeredWithPasskey;

    @Column(name = "registered_with_provider", nullable = false)
    private boolean registeredWithProvider;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "current_invitation_id")
    private Long currentInvitationId;

    @Version
    private long version;

    protected UserAccount() {
    }

    /** A new user who has been invited and has not registered yet. */
    public static UserAccount invited(UserProfile profile, Role role, Set<Permission> permissions,
            Set<Client> clients, Instant now) {
        UserAccount user = new UserAccount();
        user.email = profile.email().strip();
        user.emailNormalized = normalizeEmail(profile.email());
        user.status = UserStatus.INVITED;
        user.createdAt = now;
        user.updateProfile(profile.firstName(), profile.lastName(), profile.language());
        user.role = role;
        user.permissions = new LinkedHashSet<>(permissions);
        user.clients = new LinkedHashSet<>(clients);
        return user;
    }

    /** When two addresses are the same user: see {@link EmailAddress#normalize}. */
    public static String normalizeEmail(String email) {
        return EmailAddress.normalize(email);
    }

    public void updateProfile(String firstName, String lastName, Language language) {
        this.firstName = firstName.strip();
        this.lastName = lastName.strip();
        this.language = language;
    }

    /** The invitee chose a password on the registration page (stored as an adaptive hash). */
    public void choosePassword(String passwordHash) {
        if (status != UserStatus.INVITED) {
            throw new IllegalStateException("User " + id + " is " + status + " and cannot register");
        }
        this.passwordHash = passwordHash;
    }

    /** The invitee made a passkey on the registration page and signs in with it instead of a password. */
    public void choosePasskeyInstead() {
        if (status != UserStatus.INVITED) {
            throw new IllegalStateException("User " + id + " is " + status + " and cannot register");
        }
        this.registeredWithPasskey = true;
    }

    /** The invitee signed in at their client's identity provider and signs in there instead of with a password. */
    public void chooseProviderInstead() {
        if (status != UserStatus.INVITED) {
            throw new IllegalStateException("User " + id + " is " + status + " and cannot register");
        }
        this.registeredWithProvider = true;
    }

    /** Registration completed: the user is active ("Invite accepted"). */
    public void activate(Instant now) {
        if (status != UserStatus.INVITED || (passwordHash == null && !registeredWithPasskey && !registeredWithProvider)) {
            throw new IllegalStateException("User " + id + " (" + status + ") has not registered and cannot be activated");
        }
        this.status = UserStatus.ACTIVE;
        this.activatedAt = now;
    }

    /** An admin edits the user; email and status are not editable here. */
    public void edit(String firstName, String lastName, Language language, Role role, Set<Permission> permissions,
            Set<Client> clients) {
        updateProfile(firstName, lastName, language);
        this.role = role;
        this.permissions = new LinkedHashSet<>(permissions);
        this.clients = new LinkedHashSet<>(clients);
    }

    private static final String ADMIN_PATH = "/users/";

    /** The user's row on the admin's Users screen (GET /users/{id} shows the list filtered to them). */
    public static String adminPath(long userId) {
        return ADMIN_PATH + userId;
    }

    /** The user an {@link #adminPath} names; empty for anything else. */
    public static Optional<Long> fromAdminPath(String path) {
        if (path == null || !path.startsWith(ADMIN_PATH)) {
            return Optional.empty();
        }
        String id = path.substring(ADMIN_PATH.length());
        return !id.isEmpty() && id.length() < 19 && id.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Optional.of(Long.valueOf(id)) : Optional.empty();
    }

    /** A privilege change another admin approved (four-eyes): the role and permissions it requested. */
    public void grant(Role role, Set<Permission> permissions) {
        this.role = role;
        this.permissions = new LinkedHashSet<>(permissions);
    }

    /** A new password for an active user (password change or reset). */
    public void changePassword(String passwordHash) {
        if (status != UserStatus.ACTIVE) {
            throw new IllegalStateException("User " + id + " is " + status + " and has no password to change");
        }
        this.passwordHash = passwordHash;
    }

    public void deactivate(Instant now) {
        if (status == UserStatus.DEACTIVATED) {
            throw new IllegalStateException("User " + id + " is already deactivated");
        }
        this.status = UserStatus.DEACTIVATED;
        this.deactivatedAt = now;
    }

    /** Back to where the user was: active if they ever registered, otherwise invited (to be invited again). */
    public void reactivate() {
        if (status != UserStatus.DEACTIVATED) {
            throw new IllegalStateException("User " + id + " is not deactivated");
        }
        this.status = activatedAt != null ? UserStatus.ACTIVE : UserStatus.INVITED;
        this.deactivatedAt = null;
    }

    public void setCurrentInvitationId(Long invitationId) {
        this.currentInvitationId = invitationId;
    }

    public Long getCurrentInvitationId() {
        return currentInvitationId;
    }


    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return firstName + " " + lastName;
    }

    public Language getLanguage() {
        return language;
    }

    public UserStatus getStatus() {
        return status;
    }

    public Role getRole() {
        return role;
    }

    public Set<Permission> getPermissions() {
        return Set.copyOf(permissions);
    }

    /** The ids of the user's clients, in order: what events and audit entries name instead of the clients. */
    public List<Long> clientIds() {
        return clients.stream().map(Client::getId).sorted().toList();
    }

    public Set<Client> getClients() {
        return Set.copyOf(clients);
    }

    public boolean isRegisteredWithPasskey() {
        return registeredWithPasskey;
    }

    public boolean isRegisteredWithProvider() {
        return registeredWithProvider;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

}
