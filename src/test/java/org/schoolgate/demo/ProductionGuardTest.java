package org.schoolgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test profile runs with demo mode, demo users and development keys: exactly what production refuses. */
@QuarkusTest
class ProductionGuardTest {

    @Inject
    ProductionGuard guard;

    @Test
    void namesEveryReasonProductionWouldRefuse() {
        List<String> problems = QuarkusTransaction.requiringNew().call(guard::problems);
        assertThat(problems).anyMatch(p -> p.contains("demo mode is on"))
                .anyMatch(p -> p.contains("demo users"))
                .anyMatch(p -> p.contains("quarkus.http.auth.session.encryption-key"));
    }
}
