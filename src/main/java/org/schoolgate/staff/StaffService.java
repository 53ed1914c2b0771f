package org.schoolgate.staff;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.schoolgate.audit.AuditableEvent;

/** Staff and schools, always within the admin's current school. */
@ApplicationScoped
public class StaffService {

    @Inject
    CurrentUser me;

    @Inject
    Event<AuditableEvent> events;

    public List<StaffUser> staffOfMySchool() {
        return StaffUser.list("select u from StaffUser u join u.schools s where s.id = ?1 order by u.displayName",
                me.schoolId());
    }

    /** A user of the current school, or 404: another school's users do not exist for this caller. */
    public StaffUser inMySchool(long userId) {
        StaffUser u = StaffUser.findById(userId);
        if (u == null || !u.belongsTo(me.schoolId())) {
            throw new NotFoundException("No such member of staff");
        }
        return u;
    }

    @Transactional
    public StaffUser create(NewStaffUser form) {
        String email = StaffUser.normaliseEmail(form.email());
        if (StaffUser.findByEmail(email).isPresent()) {
            throw new BadRequestException("A member of staff with the e-mail " + email + " already exists");
        }
        School school = School.findById(me.schoolId());
        StaffUser u = new StaffUser();
        u.displayName = form.name().trim();
        u.email = email;
        u.passwordHash = BcryptUtil.bcryptHash(form.password());
        u.roles = parseRoles(form.roles());
        u.schools.add(school);
        u.persist();
        events.fire(new StaffEvents.StaffUserCreated(school.id, u.id, email, rolesText(u.roles)));
        return u;
    }

    @Transactional
    public StaffUser update(long userId, String name, List<String> roles, boolean active) {
        StaffUser u = inMySchool(userId);
        Set<Role> newRoles = parseRoles(roles);
        if (u.id == me.userId() && (!active || !newRoles.contains(Role.ADMIN))) {
            throw new BadRequestException("You cannot remove your own admin role or disable your own account");
        }
        String change = "name " + u.displayName + " → " + name.trim() + ", roles " + rolesText(u.roles) + " → "
                + rolesText(newRoles) + ", active " + u.active + " → " + active;
        u.displayName = name.trim();
        u.roles = newRoles;
        u.active = active;
        events.fire(new StaffEvents.StaffUserChanged(me.schoolId(), u.id, change));
        return u;
    }

    @Transactional
    public void resetPassword(long userId, String password) {
        if (password == null || password.length() < 10) {
            throw new BadRequestException("The password needs at least 10 characters");
        }
        StaffUser u = inMySchool(userId);
        u.passwordHash = BcryptUtil.bcryptHash(password);
        events.fire(new StaffEvents.StaffUserChanged(me.schoolId(), u.id, "password reset"));
    }

    /** A new school of the trust; the admin who creates it becomes its first member. */
    @Transactional
    public School createSchool(String name, String urn, String timezone, String publicContacts) {
        School s = new School();
        applySchool(s, name, urn, timezone, publicContacts);
        s.persist();
        StaffUser admin = StaffUser.findById(me.userId());
        admin.schools.add(s);
        events.fire(new StaffEvents.SchoolSaved(s.id, "created " + s.name));
        return s;
    }

    @Transactional
    public School updateSchool(long schoolId, String name, String urn, String timezone, String publicContacts) {
        if (me.schools().stream().noneMatch(s -> s.id == schoolId)) {
            throw new NotFoundException("No such school");
        }
        School s = School.findById(schoolId);
        applySchool(s, name, urn, timezone, publicContacts);
        events.fire(new StaffEvents.SchoolSaved(s.id, "renamed/updated to " + s.name));
        return s;
    }

    private static void applySchool(School s, String name, String urn, String timezone, String publicContacts) {
        if (name == null || name.isBlank()) {
            throw new BadRequestException("Enter the school's name");
        }
        String zone = timezone == null || timezone.isBlank() ? "Europe/London" : timezone.trim();
        try {
            java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new BadRequestException("Unknown time zone " + zone);
        }
        s.name = name.trim();
        s.urn = urn == null || urn.isBlank() ? null : urn.trim();
        s.timezone = zone;
        String contacts = publicContacts == null ? "" : publicContacts.strip();
        if (contacts.length() > 1000 || contacts.lines().count() > 10) {
            throw new BadRequestException("The public contact details can be at most 10 lines and 1,000 characters");
        }
        s.publicContacts = contacts.isEmpty() ? null : contacts;
    }

    static Set<Role> parseRoles(List<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : ids == null ? List.<String>of() : ids) {
            roles.add(Role.fromId(id).orElseThrow(() -> new BadRequestException("Unknown role " + id
                    + " (choose from office, staff, headteacher, dsl, admin, governor)")));
        }
        if (roles.isEmpty()) {
            throw new BadRequestException("Choose at least one role");
        }
        return roles;
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().collect(Collectors.joining(","));
    }
}
