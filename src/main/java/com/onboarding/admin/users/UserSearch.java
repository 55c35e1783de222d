package com.onboarding.admin.users;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * One view of the user list: filters (free text on name or email, status, client; all optional), the sort column
 * and direction, the page. The screens and the API read the same parameters.
 */
public record UserSearch(String query, UserListStatus status, Long clientId, String sort, String dir, int page) {

    public static final int PAGE_SIZE = 25;

    /** Sort keys of the list's columns; anything else sorts by name. */
    public static final List<String> SORTABLE = List.of("name", "email", "status", "createdAt");

    public UserSearch {
        sort = sort != null && SORTABLE.contains(sort) ? sort : "name";
        dir = "desc".equals(dir) ? "desc" : "asc";
        page = Math.max(page, 0);
    }

    public static UserSearch all() {
        return new UserSearch(null, null, null, null, null, 0);
    }

    /** The same filters on another client (a client's Users tab). */
    public UserSearch forClient(long id) {
        return new UserSearch(query, status, id, sort, dir, page);
    }

    /** "name" sorts as the list shows names: first name, then last name. */
    Pageable pageable() {
        Sort.Direction direction = "desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort order = "name".equals(sort) ? Sort.by(direction, "firstName", "lastName")
                : Sort.by(direction, sort).and(Sort.by("firstName", "lastName"));
        return PageRequest.of(page, PAGE_SIZE, order.and(Sort.by("id")));
    }
}
