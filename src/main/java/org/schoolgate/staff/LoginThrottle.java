package org.schoolgate.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per address in a sliding window. Kept in memory: with
 * several instances each counts its own share, which still bounds guessing to a few tries a minute.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    @Inject
    LoginConfig config;

    @Inject
    Clock clock;

    public boolean isBlocked(String account, String address) {
        return recent(byAccount, account) >= config.maxFailuresPerAccount()
                || recent(byAddress, address) >= config.maxFailuresPerAddress();
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        add(byAccount, account, now);
        add(byAddress, address, now);
    }

    private static void add(Map<String, Deque<Instant>> map, String key, Instant at) {
        Deque<Instant> q = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(at);
        }
    }

    public void succeeded(String account) {
        byAccount.remove(account);
    }

    /** Forget everything (tests, and an admin unlocking after a reset). */
    public void clear() {
        byAccount.clear();
        byAddress.clear();
    }

    private int recent(Map<String, Deque<Instant>> map, String key) {
        Deque<Instant> q = map.get(key);
        if (q == null) {
            return 0;
        }
        Instant horizon = clock.instant().minus(config.lockout());
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst().isBefore(horizon)) {
                q.pollFirst();
            }
            return q.size();
        }
    }
}
