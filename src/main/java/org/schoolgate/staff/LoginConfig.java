package org.schoolgate.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "schoolgate.login")
public interface LoginConfig {

    /** Failed attempts on one account, within the lockout window, before it is locked for that window. */
    @WithDefault("5")
    int maxFailuresPerAccount();

    /** Failed attempts from one address, within the lockout window, before that address is refused. */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** How long failures are remembered, and how long a lock lasts. */
    @WithDefault("PT15M")
    Duration lockout();
}
