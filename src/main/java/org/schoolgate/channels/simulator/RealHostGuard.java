package org.schoolgate.channels.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * While the simulator runs (dev mode, tests), any connection this JVM tries to make to a Meta host
 * is sent to a dead local port and written down, so a mis-configured adapter fails loudly instead
 * of talking to the real Facebook or Instagram. Both facebook4j (HttpURLConnection) and instagram4j
 * (OkHttp) consult the default {@link ProxySelector} for every connection.
 */
public final class RealHostGuard extends ProxySelector {

    private static final List<String> META_DOMAINS = List.of("facebook.com", "instagram.com", "fbcdn.net",
            "cdninstagram.com", "facebook.net", "fb.com", "fbsbx.com");
    private static final Proxy DEAD_END = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1));
    private static final List<URI> VIOLATIONS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    private final ProxySelector previous;

    private RealHostGuard(ProxySelector previous) {
        this.previous = previous;
    }

    public static synchronized void install() {
        if (!installed) {
            ProxySelector.setDefault(new RealHostGuard(ProxySelector.getDefault()));
            installed = true;
        }
    }

    /** Attempts to reach a Meta host since start-up (tests assert this stays empty). */
    public static List<URI> violations() {
        return List.copyOf(VIOLATIONS);
    }

    public static boolean isMetaHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return META_DOMAINS.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (isMetaHost(uri.getHost())) {
            VIOLATIONS.add(URI.create(uri.getScheme() + "://" + uri.getHost()));
            return List.of(DEAD_END);
        }
        return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (previous != null && !isMetaHost(uri.getHost())) {
            previous.connectFailed(uri, sa, ioe);
        }
    }
}
