package com.onboarding.registration;

import com.onboarding.PlainText;
import com.onboarding.users.UserAccount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What the invitee submits on the registration page; the email is fixed and not part of it. */
public class RegistrationForm implements Serializable {

    private String token;
    @NotBlank(message = "{registration.firstName.required}")
    @Size(max = UserAccount.MAX_NAME, message = "{registration.firstName.tooLong}")
    @PlainText
    private String firstName;
    @NotBlank(message = "{registration.lastName.required}")
    @Size(max = UserAccount.MAX_NAME, message = "{registration.lastName.tooLong}")
    @PlainText
    private String lastName;
    private String language;
    private String password;
    private String passwordConfirmation;
    /** The identity provider the invitee chose to register at instead of a password (its registration id). */
    private String provider;
    /** The versions of the clients' terms the invitee ticked (ids). */
    private List<Long> acceptedTerms = new ArrayList<>();

    public List<Long> getAcceptedTerms() {
        return acceptedTerms;
    }

    public void setAcceptedTerms(List<Long> acceptedTerms) {
        this.acceptedTerms = acceptedTerms == null ? new ArrayList<>() : acceptedTerms;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName == null ? null : firstName.strip();
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName == null ? null : lastName.strip();
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }
}
