package com.onboarding.admin.scopes;

import com.onboarding.admin.scopes.AdminAccounts.NewAdmin;
import java.util.ArrayList;
import java.util.List;

/** The "Add administrator" form as typed: kept when a field is refused. */
public class AdminForm {

    private String id;
    private String firstName;
    private String lastName;
    private String email;
    /** Scoped unless chosen otherwise: the narrower choice first. */
    private boolean global;
    private List<Long> clientIds = new ArrayList<>();
    private List<String> permissionCodes = new ArrayList<>();

    NewAdmin toNewAdmin() {
        return new NewAdmin(id, firstName, lastName, email, global, clientIds, permissionCodes);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isGlobal() {
        return global;
    }

    public void setGlobal(boolean global) {
        this.global = global;
    }

    public List<Long> getClientIds() {
        return clientIds;
    }

    public void setClientIds(List<Long> clientIds) {
        this.clientIds = clientIds == null ? new ArrayList<>() : clientIds;
    }

    public List<String> getPermissionCodes() {
        return permissionCodes;
    }

    public void setPermissionCodes(List<String> permissionCodes) {
        this.permissionCodes = permissionCodes == null ? new ArrayList<>() : permissionCodes;
    }
}
