package org.schoolgate.channels.simulator;

import java.time.Instant;
import java.util.Map;

/** One request the simulator received, for assertions in tests (simulated tokens only). */
public record JournalEntry(Instant at, String method, String host, String path, Map<String, String> params,
                           String token, Map<String, String> headers, int status) {

    public String param(String name) {
        return params.get(name);
    }
}
