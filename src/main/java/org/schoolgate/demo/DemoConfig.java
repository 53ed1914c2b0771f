package org.schoolgate.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "schoolgate.demo")
public interface DemoConfig {

    /** Seed the demo school, its staff (password "demo") and the features' demo data. Dev run and tests only. */
    @WithDefault("false")
    boolean enabled();
}
