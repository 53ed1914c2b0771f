package org.schoolgate.support;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.EnumSet;
import java.util.UUID;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.School;
import org.schoolgate.staff.StaffUser;

/** A second school with its own staff, for tenant-isolation tests. Each call makes a fresh one. */
public final class OtherSchool {

    public static final String PASSWORD = "other-school-password";

    public final long id;
    public final String prefix;

    private OtherSchool(long id, String prefix) {
        this.id = id;
        this.prefix = prefix;
    }

    public static OtherSchool create() {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            School s = new School();
            s.name = "Other School " + prefix;
            s.persist();
            for (Role role : Role.values()) {
                StaffUser u = new StaffUser();
                u.email = prefix + "-" + role.id() + "@other.school";
                u.displayName = "Other " + role.label();
                u.passwordHash = BcryptUtil.bcryptHash(PASSWORD, 4);
                u.roles = EnumSet.of(role);
                u.schools.add(s);
                u.persist();
            }
            return s.id;
        });
        return new OtherSchool(id, prefix);
    }

    /** Whether the address is one of this school's users. */
    public boolean owns(String email) {
        return email.startsWith(prefix + "-") && email.endsWith("@other.school");
    }

    public String email(Role role) {
        return prefix + "-" + role.id() + "@other.school";
    }

    public io.restassured.specification.RequestSpecification as(Role role) {
        return io.restassured.RestAssured.given().auth().preemptive().basic(email(role), PASSWORD);
    }
}
