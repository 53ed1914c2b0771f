package org.schoolgate.consent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "schoolgate.consent")
public interface ConsentConfig {

    /** How many days ahead the office's "renewals due" list looks. */
    @WithDefault("30")
    int renewalDays();

    /** When the nightly expiry and leavers job runs (Quartz cron, in nightly-zone); "off" disables it. */
    @WithDefault("0 15 0 * * ?")
    String nightlyCron();

    /** Time zone of the nightly cron; each school's own zone still decides which dates have passed. */
    @WithDefault("Europe/London")
    String nightlyZone();

    /** Largest MIS export accepted, in bytes. */
    @WithDefault("10485760")
    int maxImportBytes();

    /** Most problems listed in an import report; the rest are counted. */
    @WithDefault("200")
    int maxReportedProblems();
}
