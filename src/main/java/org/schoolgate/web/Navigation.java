package org.schoolgate.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/** The menu: each section with the roles that may open it. The pages check the same roles again. */
@RequestScoped
@Named("nav")
public class Navigation {

    public record Item(String label, String href, Set<String> roles) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("Home", "/", Set.of("**")),
            new Item("My posts", "/posts", Set.of("office")),
            new Item("Sign-off inbox", "/posts/sign-off", Set.of("staff", "office", "headteacher", "dsl")),
            new Item("Approval queue", "/posts/approval", Set.of("headteacher")),
            new Item("Review queue", "/review", Set.of("headteacher", "dsl")),
            new Item("Comment scan", "/scan", Set.of("headteacher", "dsl")),
            new Item("Pupils", "/pupils", Set.of("office", "headteacher")),
            new Item("Channels", "/channels", Set.of("headteacher", "admin", "dsl")),
            new Item("Audit log", "/audit", Set.of("headteacher", "admin", "governor")),
            new Item("Reports", "/reports", Set.of("headteacher", "governor")),
            new Item("Staff", "/admin/staff", Set.of("admin")),
            new Item("Schools", "/admin/schools", Set.of("admin")),
            new Item("E-mail", "/admin/mail", Set.of("admin")));

    @Inject
    SecurityIdentity identity;

    public List<Item> items() {
        if (identity.isAnonymous()) {
            return List.of();
        }
        return ITEMS.stream().filter(i -> i.roles().contains("**") || i.roles().stream().anyMatch(identity::hasRole))
                .toList();
    }
}
