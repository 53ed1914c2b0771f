package org.schoolgate.channels;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "schoolgate.polling")
public interface PollingConfig {

    /** When channels are polled for posts (Quartz cron; "off" disables). */
    @WithDefault("0 0 * * * ?")
    String cron();

    /** When tokens are checked for validity and expiry (Quartz cron; "off" disables). */
    @WithDefault("0 30 6 * * ?")
    String tokenCheckCron();

    /** Warn this long before a token expires. */
    @WithDefault("P14D")
    Duration tokenWarning();

    /** How far back the first poll of a new channel looks. */
    @WithDefault("P7D")
    Duration firstPollWindow();

    /** Overlap with the previous poll, against second-granular times and late-indexed posts. */
    @WithDefault("PT10M")
    Duration overlap();

    /** Pages (of 100 posts) per channel per run; the cursor carries the rest to the next run. */
    @WithDefault("20")
    int maxPagesPerRun();

    /** Back-off when a throttled answer does not say how long to wait. */
    @WithDefault("PT15M")
    Duration defaultBackOff();
}
