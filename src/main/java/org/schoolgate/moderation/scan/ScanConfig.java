package org.schoolgate.moderation.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.schoolgate.review.Severity;

@ConfigMapping(prefix = "schoolgate.scan")
public interface ScanConfig {

    /** The default nightly cron: 02:00 school time. */
    String DEFAULT_CRON = "0 0 2 * * ?";

    /** The zone the cron is read in (and the "night" of a nightly run). */
    String ZONE = "Europe/London";

    /** When the nightly scan runs (Quartz cron, Europe/London); "off" disables it. */
    @WithDefault(DEFAULT_CRON)
    String cron();

    /** Comments are scanned on posts created within this window before the scan (older posts are not read). */
    @WithDefault("P90D")
    Duration postWindow();

    /** Re-read this much before the watermark, for comments the platform shows late; re-reads are harmless. */
    @WithDefault("PT10M")
    Duration overlap();

    /** Comments written per transaction (one bulk insert each). */
    @WithDefault("500")
    int batchSize();

    /** A run that has shown no progress for this long is taken to have died with its instance; a new one may start. */
    @WithDefault("PT15M")
    Duration staleAfter();

    /** Threads for on-demand scans (each school still runs one scan at a time). */
    @WithDefault("2")
    int workers();

    AutoHide autoHide();

    interface AutoHide {
        /** Hide flagged comments on the platform automatically (never delete), after their evidence is stored. */
        @WithDefault("false")
        boolean enabled();

        /** Lowest severity that is hidden automatically. */
        @WithDefault("high")
        String minSeverity();

        default Severity threshold() {
            return Severity.valueOf(minSeverity().trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
