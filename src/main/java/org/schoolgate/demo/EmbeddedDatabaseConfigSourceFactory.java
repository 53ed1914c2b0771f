package org.schoolgate.demo;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In the dev profile, when no database URL is configured, starts the embedded PostgreSQL and points
 * the datasource at it. Its ordinal is low: any URL given in the environment or properties wins.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final int DEV_PORT = 54329;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        ConfigValue url = context.getValue("quarkus.datasource.jdbc.url");
        if (url != null && url.getValue() != null && !url.getValue().isBlank()) {
            return List.of();
        }
        ConfigValue dir = context.getValue("schoolgate.dev.database-dir");
        Path dataDir = Path.of(dir != null && dir.getValue() != null ? dir.getValue() : "data/postgres").toAbsolutePath();
        String jdbc = EmbeddedDatabase.startPersistent(DEV_PORT, dataDir);
        return List.of(new MapBackedConfigSource("embedded-postgres (dev)", Map.of(
                "quarkus.datasource.jdbc.url", jdbc,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), 50) {
        });
    }
}
