package org.schoolgate.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleRulesTest {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T09:00:00Z");
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now; }
    }

    private static LoginThrottle throttle(MovableClock clock) {
        LoginThrottle t = new LoginThrottle();
        t.clock = clock;
        t.config = new LoginConfig() {
            public int maxFailuresPerAccount() { return 3; }
            public int maxFailuresPerAddress() { return 5; }
            public Duration lockout() { return Duration.ofMinutes(15); }
        };
        return t;
    }

    @Test
    void blocksAnAccountAfterItsLimitAndForgetsAfterTheWindow() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = throttle(clock);
        for (int i = 0; i < 3; i++) {
            assertThat(t.isBlocked("a@x", "1.1.1.1")).isFalse();
            t.failed("a@x", "1.1.1." + i);
        }
        assertThat(t.isBlocked("a@x", "9.9.9.9")).as("any address").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(t.isBlocked("a@x", "9.9.9.9")).isFalse();
    }

    @Test
    void blocksAnAddressThatTriesManyAccounts() {
        LoginThrottle t = throttle(new MovableClock());
        for (int i = 0; i < 5; i++) {
            t.failed("user" + i + "@x", "6.6.6.6");
        }
        assertThat(t.isBlocked("someone-else@x", "6.6.6.6")).isTrue();
        assertThat(t.isBlocked("someone-else@x", "7.7.7.7")).isFalse();
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        LoginThrottle t = throttle(new MovableClock());
        t.failed("a@x", "1.1.1.1");
        t.failed("a@x", "1.1.1.1");
        t.succeeded("a@x");
        t.failed("a@x", "1.1.1.1");
        assertThat(t.isBlocked("a@x", "2.2.2.2")).isFalse();
    }
}
