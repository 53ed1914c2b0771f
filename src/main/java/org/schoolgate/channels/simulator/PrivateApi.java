package org.schoolgate.channels.simulator;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The instagram4j private-API surface ({@code /api/v1/…}); filled in with the instagram4j adapter. */
final class PrivateApi implements GraphSimulator.Surface {

    @Override
    public void handle(HttpServerRequest req, Map<String, String> params, GraphWorld world) {
        req.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", "not simulated").put("status", "fail").encode());
    }
}
