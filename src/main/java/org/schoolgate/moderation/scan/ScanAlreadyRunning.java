package org.schoolgate.moderation.scan;

import jakarta.ws.rs.WebApplicationException;

/** A school's scan is already running (the database allows one at a time): 409 for the API, a flash for pages. */
public class ScanAlreadyRunning extends WebApplicationException {

    public ScanAlreadyRunning(ScanRun running) {
        super("A scan of this school is already running (started " + running.startedAt.toString().substring(0, 16)
                .replace('T', ' ') + " UTC by " + running.requestedBy + "). Wait for it to finish.", 409);
    }
}
