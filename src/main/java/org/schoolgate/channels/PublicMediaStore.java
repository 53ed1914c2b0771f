package org.schoolgate.channels;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Images waiting for Instagram to fetch them: served without login at an unguessable URL for one
 * day, then forgotten. In memory, so an image must be re-exposed after a restart (publishing does).
 */
@ApplicationScoped
@Path("/public-media")
public class PublicMediaStore implements PublicMedia {

    private record Held(OutgoingPost.Image image, Instant until) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @ConfigProperty(name = "schoolgate.channels.public-base-url", defaultValue = "http://localhost:8080")
    String publicBaseUrl;

    @Override
    public URI expose(OutgoingPost.Image image) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String key = HexFormat.of().formatHex(id);
        held.put(key, new Held(image, Instant.now(clock).plus(Duration.ofDays(1))));
        held.values().removeIf(h -> h.until().isBefore(Instant.now(clock)));
        return URI.create(publicBaseUrl.replaceAll("/+$", "") + "/public-media/" + key);
    }

    @GET
    @Path("{key}")
    @PermitAll
    @Operation(hidden = true)
    public Response get(@PathParam("key") String key) {
        Held h = held.get(key);
        if (h == null || h.until().isBefore(Instant.now(clock))) {
            throw new NotFoundException();
        }
        return Response.ok(h.image().bytes(), h.image().contentType()).header("Cache-Control", "no-store").build();
    }
}
