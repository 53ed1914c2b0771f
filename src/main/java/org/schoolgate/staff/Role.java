package org.schoolgate.staff;

import java.util.Arrays;
import java.util.Optional;

/** The roles of SPEC §1. A person may hold several; separation of duties is by identity, not by role. */
public enum Role {
    OFFICE("office", "Office staff"),
    STAFF("staff", "Colleague (sign-off)"),
    HEADTEACHER("headteacher", "Headteacher"),
    DSL("dsl", "Safeguarding lead"),
    ADMIN("admin", "IT admin"),
    GOVERNOR("governor", "Governor");

    /** Role names as used in {@code @RolesAllowed}. */
    public static final String OFFICE_ROLE = "office";
    public static final String STAFF_ROLE = "staff";
    public static final String HEADTEACHER_ROLE = "headteacher";
    public static final String DSL_ROLE = "dsl";
    public static final String ADMIN_ROLE = "admin";
    public static final String GOVERNOR_ROLE = "governor";

    private final String id;
    private final String label;

    Role(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }
}
