package org.schoolgate.channels.simulator;

import java.time.Duration;

/**
 * A scripted failure: on the {@code atCall}-th matching request (1-based), and for {@code times}
 * requests from then on, the simulator answers with this fault instead of the real response.
 */
public final class Fault {

    public enum Type { GRAPH_ERROR, HTML_500, DELAY, RESET, EXPIRE_TOKEN, PRIVATE_FAIL }

    final Type type;
    int status = 400;
    int code;
    Integer subcode;
    String message = "";
    String errorType = "OAuthException";
    boolean isTransient;
    Integer regainMinutes;
    Duration delay = Duration.ZERO;
    String method;
    String pathContains = "";
    int atCall = 1;
    int times = 1;
    int seen;
    int fired;

    private Fault(Type type) {
        this.type = type;
    }

    public static Fault graphError(int status, int code, Integer subcode, String message) {
        Fault f = new Fault(Type.GRAPH_ERROR);
        f.status = status;
        f.code = code;
        f.subcode = subcode;
        f.message = message;
        return f;
    }

    /** A throttling error (4, 17, 32, 613, 80001, 80002) with {@code estimated_time_to_regain_access} in minutes. */
    public static Fault rateLimit(int code, int regainMinutes) {
        Fault f = graphError(400, code, code == 80001 ? 2446079 : null,
                "(#" + code + ") There have been too many calls. Wait a bit and try again.");
        f.regainMinutes = regainMinutes;
        return f;
    }

    /** Graph's "unknown error, try again" (code 2, is_transient). */
    public static Fault transientError() {
        Fault f = graphError(500, 2, null, "An unexpected error has occurred. Please retry your request later.");
        f.isTransient = true;
        return f;
    }

    public static Fault html500() {
        return new Fault(Type.HTML_500);
    }

    public static Fault delay(Duration d) {
        Fault f = new Fault(Type.DELAY);
        f.delay = d;
        return f;
    }

    public static Fault connectionReset() {
        return new Fault(Type.RESET);
    }

    /** The request's token expires at this call (and stays expired): 190/463 from here on. */
    public static Fault expireToken() {
        return new Fault(Type.EXPIRE_TOKEN);
    }

    /** The private API's {@code {"status":"fail"}} with this message, e.g. login_required. */
    public static Fault privateFail(int status, String message) {
        Fault f = new Fault(Type.PRIVATE_FAIL);
        f.status = status;
        f.message = message;
        return f;
    }

    public Fault on(String method, String pathContains) {
        this.method = method;
        this.pathContains = pathContains;
        return this;
    }

    public Fault atCall(int n) {
        this.atCall = n;
        return this;
    }

    public Fault times(int n) {
        this.times = n;
        return this;
    }

    public Fault always() {
        return times(Integer.MAX_VALUE);
    }

    public Fault errorType(String type) {
        this.errorType = type;
        return this;
    }

    synchronized boolean matches(String m, String path) {
        if (method != null && !method.equalsIgnoreCase(m) || !path.contains(pathContains)) {
            return false;
        }
        seen++;
        if (seen >= atCall && fired < times) {
            fired++;
            return true;
        }
        return false;
    }
}
