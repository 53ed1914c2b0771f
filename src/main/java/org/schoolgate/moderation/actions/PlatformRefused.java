package org.schoolgate.moderation.actions;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** The platform (or the channel's state) refused an action: the person is told why; nothing was recorded. */
public class PlatformRefused extends WebApplicationException {

    public PlatformRefused(String message) {
        super(message, Response.Status.BAD_GATEWAY);
    }
}
