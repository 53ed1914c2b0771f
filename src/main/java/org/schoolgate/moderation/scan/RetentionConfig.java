package org.schoolgate.moderation.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "schoolgate.retention")
public interface RetentionConfig {

    /** Text and author name of unflagged comments are purged this many days after they were captured. */
    @WithDefault("30")
    int unflaggedDays();

    /** When the purge runs (Quartz cron, Europe/London); "off" disables it. */
    @WithDefault("0 30 3 * * ?")
    String cron();
}
