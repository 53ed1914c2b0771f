package org.schoolgate.channels.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in Graph API simulator: a Vert.x HTTP server (it keeps header names exactly as written,
 * unlike the JDK server) in front of a {@link GraphWorld}. Runs inside Schoolgate in dev mode and
 * tests, never in production, and standalone in plain unit tests and the benchmark.
 */
public final class GraphSimulator implements AutoCloseable {

    /** Answers the instagram4j private-API surface ({@code /api/v1/…}); see {@link PrivateApi}. */
    public interface Surface {
        void handle(HttpServerRequest req, Map<String, String> params, GraphWorld world);
    }

    public static final String VERSION = "v25.0";

    private final Vertx vertx;
    private final GraphWorld world;
    private final GraphApi api;
    private final String appSecret;
    private final AtomicLong responses = new AtomicLong();
    private Surface privateApi;
    private HttpServer server;
    private String host;

    public GraphSimulator(Vertx vertx, GraphWorld world, String appId, String appSecret) {
        this.vertx = vertx;
        this.world = world;
        this.appSecret = appSecret;
        this.api = new GraphApi(world, appId, appSecret);
    }

    public GraphSimulator withPrivateApi(Surface surface) {
        this.privateApi = surface;
        return this;
    }

    public GraphSimulator start(String host, int port) {
        this.host = host;
        try {
            server = vertx.createHttpServer().requestHandler(this::receive).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The Graph simulator could not listen on " + host + ":" + port, e);
        }
        return this;
    }

    public int port() {
        return server.actualPort();
    }

    /** e.g. {@code http://127.0.0.1:8089} */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /** The versioned Graph base URL the adapters use, e.g. {@code http://127.0.0.1:8089/v25.0/}. */
    public String graphBaseUrl() {
        return baseUrl() + "/" + VERSION + "/";
    }

    public GraphWorld world() {
        return world;
    }

    /** appsecret_proof for a token, as a correctly configured client computes it. */
    public String proof(String token) {
        return api.proof(token);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
            server = null;
        }
    }

    private void receive(HttpServerRequest req) {
        Map<String, byte[]> uploads = new ConcurrentHashMap<>();
        if (req.method() == HttpMethod.POST || req.method() == HttpMethod.PUT) {
            req.setExpectMultipart(true);
            req.uploadHandler(up -> {
                Buffer b = Buffer.buffer();
                up.handler(b::appendBuffer);
                up.endHandler(v -> uploads.put(up.name(), b.getBytes()));
            });
        }
        req.endHandler(v -> dispatch(req, uploads));
    }

    private void dispatch(HttpServerRequest req, Map<String, byte[]> uploads) {
        Map<String, String> params = new LinkedHashMap<>();
        req.params().forEach(e -> params.put(e.getKey(), e.getValue()));
        req.formAttributes().forEach(e -> params.put(e.getKey(), e.getValue()));
        String path = req.path();
        String method = req.method().name();
        GraphApi.Request r = new GraphApi.Request(method, path, params, uploads, req.getHeader("Authorization"),
                baseUrl());
        Duration delay = Duration.ZERO;
        for (Fault f : world.faults()) {
            if (!f.matches(method, path)) {
                continue;
            }
            switch (f.type) {
                case DELAY -> delay = delay.plus(f.delay);
                case RESET -> {
                    journal(req, params, GraphApi.tokenOf(r), -1);
                    req.connection().close();
                    return;
                }
                case HTML_500 -> {
                    journal(req, params, GraphApi.tokenOf(r), 500);
                    req.response().setStatusCode(500).putHeader("Content-Type", "text/html")
                            .end("<html><body><h1>500 Internal Server Error</h1></body></html>");
                    return;
                }
                case GRAPH_ERROR -> {
                    GraphError e = GraphError.fromFault(f);
                    String token = GraphApi.tokenOf(r);
                    SimToken st;
                    synchronized (world) {
                        st = token == null ? null : world.token(token);
                    }
                    respond(req, params, new GraphApi.Answer(e.status, e.body(), token,
                            st == null ? -1 : e.regainMinutes == null ? 50 : 100, st == null ? null : st.profileId,
                            st == null ? null : st.profileId.startsWith("178") ? "instagram" : "pages",
                            e.regainMinutes), delay);
                    return;
                }
                case EXPIRE_TOKEN -> {
                    String token = GraphApi.tokenOf(r);
                    synchronized (world) {
                        if (token != null && world.token(token) != null) {
                            world.expire(token);
                        }
                    }
                }
                case PRIVATE_FAIL -> {
                    journal(req, params, null, f.status);
                    req.response().setStatusCode(f.status).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("message", f.message).put("status", "fail").encode());
                    return;
                }
            }
        }
        if (path.startsWith("/api/v1/") && privateApi != null) {
            final Duration wait = delay;
            later(wait, () -> {
                synchronized (world) {
                    privateApi.handle(req, params, world);
                }
                journal(req, params, null, req.response().getStatusCode());
            });
            return;
        }
        GraphApi.Answer a;
        synchronized (world) {
            a = api.handle(r);
        }
        respond(req, params, a, delay);
    }

    private void later(Duration delay, Runnable action) {
        if (delay.isZero()) {
            action.run();
        } else {
            vertx.setTimer(delay.toMillis(), id -> action.run());
        }
    }

    private void respond(HttpServerRequest req, Map<String, String> params, GraphApi.Answer a, Duration delay) {
        boolean delayed = !delay.isZero();
        if (delayed) {
            // the request has been handled now; a client that times out before the answer still sent it
            journal(req, params, a.token(), a.status());
        }
        later(delay, () -> {
            if (req.response().closed()) {
                return;
            }
            HttpServerResponse res = req.response().setStatusCode(a.status())
                    .putHeader("Content-Type", "application/json; charset=UTF-8")
                    .putHeader("facebook-api-version", VERSION);
            if (a.usagePercent() >= 0 && a.usageObject() != null) {
                usageHeaders(res, a);
            }
            if (!delayed) {
                journal(req, params, a.token(), a.status());
            }
            res.end(a.body().encode());
        });
    }

    private void usageHeaders(HttpServerResponse res, GraphApi.Answer a) {
        int pct = Math.min(a.usagePercent(), 100);
        int regain = a.regainMinutes() == null ? 0 : a.regainMinutes();
        String app = new JsonObject().put("call_count", pct).put("total_cputime", pct / 2).put("total_time", pct / 2)
                .encode();
        String buc = new JsonObject().put(a.usageObject(), new io.vertx.core.json.JsonArray().add(new JsonObject()
                .put("type", a.usageType()).put("call_count", pct).put("total_cputime", pct / 2)
                .put("total_time", pct / 2).put("estimated_time_to_regain_access", regain))).encode();
        long n = responses.incrementAndGet();
        GraphWorld.HeaderCase mode;
        synchronized (world) {
            mode = world.headerCase;
        }
        String[] names = switch (mode) {
            case LOWER -> new String[] {"x-app-usage", "x-business-use-case-usage"};
            case CAPITALISED -> new String[] {"X-App-Usage", "X-Business-Use-Case-Usage"};
            case ALTERNATING -> n % 3 == 0 ? new String[] {"x-app-usage", "x-business-use-case-usage"}
                    : n % 3 == 1 ? new String[] {"X-App-Usage", "X-Business-Use-Case-Usage"}
                    : new String[] {"X-APP-USAGE", "X-BUSINESS-USE-CASE-USAGE"};
        };
        res.putHeader(names[0], app).putHeader(names[1], buc);
    }

    private void journal(HttpServerRequest req, Map<String, String> params, String token, int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        req.headers().forEach(e -> headers.put(e.getKey(), e.getValue()));
        world.record(new JournalEntry(world.clock().instant(), req.method().name(), req.getHeader("Host"), req.path(),
                Map.copyOf(params), token, headers, status));
    }
}
