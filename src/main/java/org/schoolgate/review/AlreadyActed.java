package org.schoolgate.review;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.schoolgate.web.ActedFirst;

/** Someone else acted on the item since this person looked at it (409): they are told who did what. */
public class AlreadyActed extends WebApplicationException implements ActedFirst {

    public AlreadyActed(String message) {
        super(message, Response.Status.CONFLICT);
    }

    public static AlreadyActed on(ReviewItem now) {
        if (now.lastActionBy == null) {
            return new AlreadyActed("Someone else acted on this item first. Reload it to see what changed.");
        }
        String what = java.util.Arrays.stream(ReviewActionType.values()).filter(t -> t.id().equals(now.lastAction))
                .findFirst().map(t -> t.label().toLowerCase(java.util.Locale.ROOT)).orElse(now.lastAction);
        if (!now.isOpen()) {
            what += " (the item is closed as " + now.resolution + ")";
        }
        return new AlreadyActed("Someone else acted on this item first: " + now.lastActionBy + " — " + what
                + " at " + now.lastActionAt.toString().substring(0, 16).replace('T', ' ') + " UTC. Reload it to see.");
    }
}
