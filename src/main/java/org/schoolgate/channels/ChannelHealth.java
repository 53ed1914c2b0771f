package org.schoolgate.channels;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Token state: valid or not, when it expires (empty = never), which scopes it carries and which it lacks. */
public record ChannelHealth(boolean tokenValid, Optional<Instant> expiresAt, Set<String> scopes,
                            Set<String> missingScopes, String detail) {
}
