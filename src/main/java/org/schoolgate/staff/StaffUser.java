package org.schoolgate.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A member of staff who can log in. Belongs to one or more schools (a trust). */
@Entity
public class StaffUser extends PanacheEntity {

    /** The school e-mail address, lower case; also the login name. */
    @Column(nullable = false, unique = true)
    public String email;

    @Column(nullable = false)
    public String displayName;

    /** bcrypt in modular crypt format. */
    @Column(nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean active = true;

    @Column(nullable = false)
    public Instant createdAt = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "staff_user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "staff_user_school",
            joinColumns = @JoinColumn(name = "staff_user_id"),
            inverseJoinColumns = @JoinColumn(name = "school_id"))
    public Set<School> schools = new LinkedHashSet<>();

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<StaffUser> findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResultOptional();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(long schoolId) {
        return schools.stream().anyMatch(s -> s.id == schoolId);
    }
}
