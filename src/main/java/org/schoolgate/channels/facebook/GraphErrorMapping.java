package org.schoolgate.channels.facebook;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelException.Kind;

/**
 * Graph error codes → Schoolgate's error kinds (platform-apis.md §1.7, §2.5, §5.2). Keyed on
 * code/subcode, never on the HTTP status alone.
 */
public final class GraphErrorMapping {

    private static final Set<Integer> THROTTLING = Set.of(4, 17, 32, 613, 341, 80001, 80002, 80003, 80004, 80005,
            80006, 80008, 80009, 80014);
    private static final Pattern REGAIN = Pattern.compile("\"estimated_time_to_regain_access\"\\s*:\\s*(\\d+)");
    /** When a throttled answer does not say how long to wait. */
    static final Duration DEFAULT_BACK_OFF = Duration.ofMinutes(15);

    private GraphErrorMapping() {
    }

    public record Verdict(Kind kind, Optional<Duration> retryAfter) {
    }

    /**
     * @param usageHeader the {@code x-business-use-case-usage} value if the response had one
     */
    public static Verdict classify(int httpStatus, int code, int subcode, Optional<String> usageHeader) {
        if (code == 190 || code == 102 || code == 104) {
            return of(code == 190 && subcode == 463 ? Kind.AUTH_EXPIRED : Kind.AUTH_REVOKED);
        }
        if (code == 10 || code == 3 || code >= 200 && code <= 299) {
            return of(Kind.PERMISSION_MISSING);
        }
        if (code == 4 && subcode == 2207051 || code == 368) {
            return of(Kind.POLICY_BLOCKED);
        }
        if (code == 9 && subcode == 2207042) {
            return new Verdict(Kind.RATE_LIMITED, Optional.of(Duration.ofHours(1)));
        }
        if (THROTTLING.contains(code)) {
            return new Verdict(Kind.RATE_LIMITED, Optional.of(usageHeader.flatMap(GraphErrorMapping::regain)
                    .filter(d -> !d.isZero()).orElse(DEFAULT_BACK_OFF)));
        }
        if (code == 100 && subcode == 33) {
            return of(Kind.NOT_FOUND);
        }
        if (code == 506) {
            return of(Kind.DUPLICATE);
        }
        if (code == 1 || code == 2 || code == -1 || code == 9007 || httpStatus >= 500) {
            return of(Kind.TRANSIENT);
        }
        return of(Kind.INVALID_REQUEST);
    }

    /** The longest {@code estimated_time_to_regain_access} (minutes) in a BUC usage header. */
    static Optional<Duration> regain(String header) {
        Matcher m = REGAIN.matcher(header);
        long max = -1;
        while (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return max < 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(max));
    }

    private static Verdict of(Kind kind) {
        return new Verdict(kind, Optional.empty());
    }

    static ChannelException exception(Verdict v, String message, String code, Throwable cause) {
        return new ChannelException(v.kind(), message, v.retryAfter().orElse(null), code, cause);
    }
}
