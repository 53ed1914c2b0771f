package org.schoolgate.channels;

import java.net.URI;
import java.util.Optional;

/**
 * Where Graph calls go and with which app credentials. Outside production only loopback addresses
 * (the simulator) are allowed, so a test or dev run can never reach the real Meta.
 */
public record GraphEndpoint(String baseUrl, String appId, Optional<String> appSecret, int timeoutMillis,
                            boolean production) {

    public static void requireAllowed(String url, boolean production) {
        URI uri = URI.create(url);
        if (!url.matches("^https?://[^/]+/v\\d+\\.\\d+/.*")) {
            throw new IllegalStateException("The Graph base URL must pin a version, e.g. https://graph.facebook.com/v25.0/");
        }
        if (!production && !isLoopback(uri.getHost())) {
            throw new IllegalStateException("Refusing to call " + uri.getHost()
                    + " outside production: dev mode and tests talk to the built-in simulator only");
        }
    }

    /** By name only: no DNS lookup, which would itself reach out. */
    static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
