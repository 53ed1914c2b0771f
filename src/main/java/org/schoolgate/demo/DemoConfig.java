package org.schoolgate.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "schoolgate.demo")
public interface DemoConfig {

    /** Seed the demo school, its staff (password "demo") and the features' demo data. Dev run and tests only. */
    @WithDefault("false")
    boolean enabled();

    /**
     * Scan the demo school's channels once it is seeded, so that the review queue, the scan history and the
     * governors' report have something to show on a first look. Dev run only: the tests scan when they mean to.
     */
    @WithDefault("false")
    boolean scanOnSeed();
}
