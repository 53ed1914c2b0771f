package org.schoolgate.demo;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.schoolgate.staff.StaffUser;

/**
 * Production refuses to start with demo users, demo mode, or any secret left at its development
 * default: a school must never run on a key that is printed in our README.
 */
@ApplicationScoped
public class ProductionGuard {

    /** Properties whose development default must be replaced in production. */
    static final List<String> SECRETS = List.of("quarkus.http.auth.session.encryption-key", "schoolgate.crypto.key");

    @Inject
    Config config;

    @Inject
    DemoConfig demo;

    @Transactional
    void check(@Observes @Priority(1) StartupEvent start) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Schoolgate refuses to start in production: " + String.join("; ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (demo.enabled()) {
            problems.add("demo mode is on (schoolgate.demo.enabled)");
        }
        for (String key : SECRETS) {
            config.getOptionalValue(key, String.class).filter(v -> v.startsWith("dev-only-"))
                    .ifPresent(v -> problems.add(key + " still has its development default; set it from the environment"));
        }
        if (StaffUser.count("email like ?1", "%" + DemoData.DOMAIN) > 0) {
            problems.add("demo users (" + DemoData.DOMAIN + ") exist in the database; remove them");
        }
        return problems;
    }
}
