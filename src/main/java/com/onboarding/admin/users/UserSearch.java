package com.onboarding.admin.users;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.util.UriComponentsBuilder;

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

    /** The same filters and order at another page. */
    public UserSearch atPage(int other) {
        return new UserSearch(query, status, clientId, sort, dir, other);
    }

    /**
     * This view's address under {@code path} (the Users screen or a client's tab), as a row's action returns to it:
     * the admin comes back to the same filter, order and page. Strictly encoded, so only unreserved characters,
     * {@code %}, {@code &} and {@code =} follow the path (see UsersController#safe).
     */
    public String at(String path, boolean withClient) {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath(path);
        List<Object> values = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            address.queryParam("q", "{q}");
            values.add(query);
        }
        if (status != null) {
            address.queryParam("status", status.name());
        }
        if (withClient && clientId != null) {
            address.queryParam("client", clientId);
        }
        if (!"name".equals(sort)) {
            address.queryParam("sort", sort);
        }
        if ("desc".equals(dir)) {
            address.queryParam("dir", dir);
        }
        if (page > 0) {
            address.queryParam("page", page);
        }
        return address.encode().buildAndExpand(values.toArray()).toUriString();
    }

    /**
     * This view's order in pages of {@code size} rows (the screens: {@link #PAGE_SIZE}; an export reads the whole
     * list in larger pages). "name" sorts as the list shows names: first name, then last name.
     */
    Pageable pageable(int size) {
        Sort.Direction direction = "desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort order = "name".equals(sort) ? Sort.by(direction, "firstName", "lastName")
                : Sort.by(direction, sort).and(Sort.by("firstName", "lastName"));
        return PageRequest.of(page, size, order.and(Sort.by("id")));
    }
}
