package org.schoolgate.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.schoolgate.demo.EmbeddedDatabase;

/**
 * Every Quarkus test runs on real PostgreSQL: the one named by TEST_DB_URL (CI gives the machine's),
 * or else an embedded one started here.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", env("TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", env("TEST_DB_PASSWORD", ""));
        }
        embedded = EmbeddedDatabase.startThrowaway();
        return Map.of("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(embedded.getPort()),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is ending anyway
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
