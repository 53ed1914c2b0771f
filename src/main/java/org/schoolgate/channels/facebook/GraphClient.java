package org.schoolgate.channels.facebook;

import facebook4j.Facebook;
import facebook4j.FacebookException;
import facebook4j.FacebookFactory;
import facebook4j.RawAPIResponse;
import facebook4j.auth.AccessToken;
import facebook4j.conf.ConfigurationBuilder;
import facebook4j.internal.http.HttpParameter;
import facebook4j.internal.http.HttpResponse;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.GraphEndpoint;

/**
 * One facebook4j instance per token, pinned to a versioned base URL with appsecret_proof on, and
 * facebook4j's own retries and debug logging off (it would log URLs carrying the token). Answers
 * come back as Vert.x JSON and failures as {@link ChannelException}, so facebook4j stays in here.
 */
public final class GraphClient {

    /** A call that may throw facebook4j's checked exception. */
    @FunctionalInterface
    public interface Call<T> {
        T run(Facebook fb) throws FacebookException;
    }

    /** A file part of a multipart POST. */
    public record Upload(String name, String fileName, byte[] bytes) {
    }

    private static final List<String> USAGE_HEADER_SPELLINGS = List.of("x-business-use-case-usage",
            "X-Business-Use-Case-Usage", "X-BUSINESS-USE-CASE-USAGE", "x-app-usage", "X-App-Usage");

    private final Facebook facebook;
    private final String token;

    public GraphClient(GraphEndpoint endpoint, String token) {
        GraphEndpoint.requireAllowed(endpoint.baseUrl(), endpoint.production());
        ConfigurationBuilder cb = new ConfigurationBuilder()
                .setRestBaseURL(endpoint.baseUrl())
                .setOAuthAppId(endpoint.appId())
                .setOAuthAppSecret(endpoint.appSecret().orElse(null))
                .setAppSecretProofEnabled(endpoint.appSecret().isPresent())
                .setOAuthPermissions("")
                .setHttpRetryCount(0)
                .setDebugEnabled(false)
                .setPrettyDebugEnabled(false)
                .setJSONStoreEnabled(false)
                .setHttpConnectionTimeout(endpoint.timeoutMillis())
                .setHttpReadTimeout(endpoint.timeoutMillis());
        this.facebook = new FacebookFactory(cb.build()).getInstance(new AccessToken(token, null));
        this.token = token;
    }

    String token() {
        return token;
    }

    public <T> T typed(String what, Call<T> call) {
        try {
            return call.run(facebook);
        } catch (FacebookException e) {
            throw translate(what, e);
        } catch (RuntimeException e) {
            throw new ChannelException(ChannelException.Kind.TRANSIENT, what + " failed: " + e.getClass().getSimpleName(),
                    null, null, e);
        }
    }

    public JsonObject get(String path, Map<String, String> params) {
        return json(typed("GET " + path, fb -> fb.callGetAPI(path, params)));
    }

    public JsonObject post(String path, Map<String, String> params) {
        return json(typed("POST " + path, fb -> fb.callPostAPI(path, params)));
    }

    public JsonObject postMultipart(String path, Map<String, String> params, Upload upload) {
        List<HttpParameter> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(new HttpParameter(k, v)));
        parts.add(new HttpParameter(upload.name(), upload.fileName(), new ByteArrayInputStream(upload.bytes())));
        return json(typed("POST " + path, fb -> fb.callPostAPI(path, parts.toArray(HttpParameter[]::new))));
    }

    public JsonObject delete(String path) {
        return json(typed("DELETE " + path, fb -> fb.callDeleteAPI(path)));
    }

    private static JsonObject json(RawAPIResponse r) {
        if (r.isBoolean()) {
            try {
                return new JsonObject().put("success", r.asBoolean());
            } catch (FacebookException e) {
                throw new IllegalStateException(e);
            }
        }
        return new JsonObject(r.asString());
    }

    /** Maps a facebook4j failure; the message names the operation and the code, never the URL or token. */
    static ChannelException translate(String what, FacebookException e) {
        if (e.getErrorCode() <= 0 && e.getStatusCode() <= 0 || e.isCausedByNetworkIssue()) {
            return new ChannelException(ChannelException.Kind.TRANSIENT, what + " failed: network ("
                    + (e.getCause() == null ? "no answer" : e.getCause().getClass().getSimpleName()) + ")", null,
                    "io", null);
        }
        Optional<String> usage = usageHeader(e);
        GraphErrorMapping.Verdict v = GraphErrorMapping.classify(e.getStatusCode(), e.getErrorCode(),
                e.getErrorSubcode(), usage);
        String code = e.getErrorCode() + (e.getErrorSubcode() > 0 ? "/" + e.getErrorSubcode() : "");
        String message = what + " failed: Graph " + code + " (HTTP " + e.getStatusCode() + ")"
                + (e.getErrorMessage() == null ? "" : ": " + redact(e.getErrorMessage()));
        return GraphErrorMapping.exception(v, message, code, null);
    }

    /**
     * The usage header of an error response, whatever its case. facebook4j's own lookup is
     * case-sensitive and throws NullPointerException when the header is absent, so we read the
     * header map ourselves and fall back to known spellings.
     */
    static Optional<String> usageHeader(FacebookException e) {
        try {
            Field f = FacebookException.class.getDeclaredField("response");
            f.setAccessible(true);
            HttpResponse res = (HttpResponse) f.get(e);
            if (res != null && res.getResponseHeaderFields() != null) {
                for (var entry : res.getResponseHeaderFields().entrySet()) {
                    if (entry.getKey() != null && entry.getKey().equalsIgnoreCase("x-business-use-case-usage")
                            && !entry.getValue().isEmpty()) {
                        return Optional.of(entry.getValue().get(0));
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // fall back to the library's exact-case lookup below
        }
        for (String name : USAGE_HEADER_SPELLINGS) {
            try {
                String v = e.getResponseHeader(name);
                if (v != null) {
                    return Optional.of(v);
                }
            } catch (RuntimeException absent) {
                // facebook4j throws NullPointerException for an absent header
            }
        }
        return Optional.empty();
    }

    private static String redact(String message) {
        return message.replaceAll("access_token=[^&\\s]+", "access_token=…");
    }

    static Optional<URI> uri(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(URI.create(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
