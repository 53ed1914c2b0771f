package org.schoolgate.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "schoolgate.notify")
public interface NotifyConfig {

    /** Where links in e-mails point: Schoolgate's public address. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** When the morning digest is sent (Europe/London); "off" disables it. */
    @WithDefault("0 0 7 * * ?")
    String digestCron();

    /** How often unsent e-mails are retried; "off" disables the job (tests call it directly). */
    @WithDefault("0 * * * * ?")
    String retryCron();

    /** Attempts before an e-mail is marked failed (and shown as a problem to the admin). */
    @WithDefault("8")
    int maxAttempts();

    /** The first retry waits this long; each further one twice as long. */
    @WithDefault("PT1M")
    Duration firstRetry();
}
