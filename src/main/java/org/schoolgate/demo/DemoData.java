package org.schoolgate.demo;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import org.jboss.logging.Logger;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.School;
import org.schoolgate.staff.StaffUser;

/** The demo school and one user per role, password "demo" (dev run and tests; production refuses them). */
@ApplicationScoped
public class DemoData {

    public static final String SCHOOL = "Demo Primary School";
    public static final String PASSWORD = "demo";
    public static final String DOMAIN = "@demo.school";

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    record DemoUser(String local, String name, Role role) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("office", "Olivia Office", Role.OFFICE),
            new DemoUser("staff", "Sam Staff", Role.STAFF),
            new DemoUser("head", "Helen Head", Role.HEADTEACHER),
            new DemoUser("dsl", "Dev Safeguarding", Role.DSL),
            new DemoUser("admin", "Alex Admin", Role.ADMIN),
            new DemoUser("governor", "Grace Governor", Role.GOVERNOR));

    @Inject
    DemoConfig config;

    @Inject
    Event<DemoSchoolSeeded> seeded;

    @Transactional
    void seed(@Observes @Priority(10) StartupEvent start) {
        if (!config.enabled() || School.count("name", SCHOOL) > 0) {
            return;
        }
        School school = new School();
        school.name = SCHOOL;
        school.urn = "999999";
        school.persist();
        String hash = BcryptUtil.bcryptHash(PASSWORD);
        for (DemoUser d : USERS) {
            StaffUser u = new StaffUser();
            u.email = d.local() + DOMAIN;
            u.displayName = d.name();
            u.passwordHash = hash;
            u.roles = EnumSet.of(d.role());
            u.schools.add(school);
            u.persist();
        }
        seeded.fire(new DemoSchoolSeeded(school.id));
        LOG.infof("Demo school seeded: log in as head%s (and office, staff, dsl, admin, governor) with password '%s'",
                DOMAIN, PASSWORD);
    }
}
