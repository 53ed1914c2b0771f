package org.schoolgate.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.StaffUser;

/** Who is told: the school's active headteachers and DSLs (a person holding both roles gets one e-mail). */
@ApplicationScoped
public class Recipients {

    @Transactional
    public List<String> headsAndDsls(long schoolId) {
        return of(schoolId, List.of(Role.HEADTEACHER, Role.DSL));
    }

    @Transactional
    public List<String> dsls(long schoolId) {
        return of(schoolId, List.of(Role.DSL));
    }

    private static List<String> of(long schoolId, List<Role> roles) {
        return StaffUser.<StaffUser>find("""
                        select distinct u from StaffUser u join u.schools s join u.roles r
                        where s.id = ?1 and u.active = true and r in ?2 order by u.email""", schoolId, roles)
                .list().stream().map(u -> u.email).distinct().toList();
    }
}
