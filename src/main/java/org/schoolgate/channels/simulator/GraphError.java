package org.schoolgate.channels.simulator;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/** A Graph error envelope, thrown inside the simulator and written out as Graph writes it. */
final class GraphError extends RuntimeException {

    final int status;
    final int code;
    final Integer subcode;
    final String type;
    final boolean isTransient;
    final Integer regainMinutes;

    GraphError(int status, int code, Integer subcode, String type, String message, boolean isTransient,
               Integer regainMinutes) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.isTransient = isTransient;
        this.regainMinutes = regainMinutes;
    }

    static GraphError of(int status, int code, Integer subcode, String message) {
        return new GraphError(status, code, subcode, "OAuthException", message, false, null);
    }

    static GraphError invalidParam(String message) {
        return new GraphError(400, 100, null, "OAuthException", "(#100) " + message, false, null);
    }

    static GraphError noSuchObject(String id) {
        return new GraphError(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '" + id
                + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                false, null);
    }

    static GraphError fromFault(Fault f) {
        return new GraphError(f.status, f.code, f.subcode, f.errorType, f.message, f.isTransient, f.regainMinutes);
    }

    JsonObject body() {
        JsonObject e = new JsonObject().put("message", getMessage()).put("type", type).put("code", code);
        if (subcode != null) {
            e.put("error_subcode", subcode);
        }
        e.put("is_transient", isTransient);
        e.put("fbtrace_id", "Sim" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        return new JsonObject().put("error", e);
    }
}
