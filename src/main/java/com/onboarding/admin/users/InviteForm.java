package com.onboarding.admin.users;

import com.onboarding.clients.Client;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.users.Permission;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserData;
import java.util.ArrayList;
import java.util.List;

/** The "Invite user" and "Edit" pages' form. */
public class InviteForm {

    private String email;
    private String firstName;
    private String lastName;
    private String language = "en";
    private String personalText;
    private String role;
    private List<String> permissions = new ArrayList<>();
    private List<Long> clients = new ArrayList<>();
    private Integer linkValidityDays;

    /** The edit form of an existing user. */
    static InviteForm of(UserAccount user) {
        InviteForm form = new InviteForm();
        form.setEmail(user.getEmail());
        form.setFirstName(user.getFirstName());
        form.setLastName(user.getLastName());
        form.setLanguage(user.getLanguage().code());
        form.setRole(user.getRole().getCode());
        form.setPermissions(user.getPermissions().stream().map(Permission::getCode).toList());
        form.setClients(user.getClients().stream().map(Client::getId).toList());
        return form;
    }

    InvitationRequest toRequest(String invitedBy) {
        return new InvitationRequest(email, firstName, lastName, language, personalText, role, permissions, clients,
                invitedBy, linkValidityDays);
    }

    UserData toUserData() {
        return new UserData(firstName, lastName, language, role, permissions, clients);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getPersonalText() {
        return personalText;
    }

    public void setPersonalText(String personalText) {
        this.personalText = personalText;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<String> permissions) {
        this.permissions = permissions == null ? new ArrayList<>() : permissions;
    }

    public Integer getLinkValidityDays() {
        return linkValidityDays;
    }

    public void setLinkValidityDays(Integer linkValidityDays) {
        this.linkValidityDays = linkValidityDays;
    }

    public List<Long> getClients() {
        return clients;
    }

    public void setClients(List<Long> clients) {
        this.clients = clients == null ? new ArrayList<>() : clients;
    }
}
