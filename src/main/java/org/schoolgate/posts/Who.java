package org.schoolgate.posts;

import java.util.Set;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

/** The person acting on a post (or the system, for the publishing job and the retro-sweep). */
public record Who(long id, String email, String name, Set<String> roles) {

    public static final Who SYSTEM = new Who(0, "system", "Schoolgate", Set.of());

    public static Who of(CurrentUser me) {
        Set<String> roles = new java.util.HashSet<>();
        for (Role r : Role.values()) {
            if (me.hasRole(r.id())) {
                roles.add(r.id());
            }
        }
        return new Who(me.userId(), me.email(), me.name(), Set.copyOf(roles));
    }

    ApprovalRules.Actor actor() {
        return new ApprovalRules.Actor(id, name, roles);
    }
}
