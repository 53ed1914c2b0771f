package org.schoolgate.posts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the posts feature ({@code schoolgate.posts.*}). */
@ConfigMapping(prefix = "schoolgate.posts")
public interface PostsConfig {

    /** Largest picture accepted, in bytes (the HTTP body limit must stay larger). */
    @WithDefault("15728640")
    long maxImageBytes();

    /** Pictures promising more pixels than this are refused before they are decoded (decompression bombs). */
    @WithDefault("50000000")
    long maxImagePixels();

    /** The web size: the long edge of a published picture, in pixels. */
    @WithDefault("2048")
    int imageLongEdge();

    /** JPEG quality of the re-encoded picture (0–1). */
    @WithDefault("0.85")
    float jpegQuality();

    /** When the publishing job looks for due posts (Quartz cron; "off" switches it off). */
    @WithDefault("0/30 * * * * ?")
    String publishCron();

    /** Publishing attempts per post before it becomes a failed publication and a review item. */
    @WithDefault("5")
    int maxPublishAttempts();

    /** Wait after the first failed attempt; each further wait is four times longer. */
    @WithDefault("PT1M")
    Duration firstRetryDelay();

    /** The longest wait between attempts. */
    @WithDefault("PT2H")
    Duration maxRetryDelay();

    /** How far back from an attempt the channel is listed to find a copy whose answer was lost (clock skew). */
    @WithDefault("PT10M")
    Duration reconcileMargin();

    /** Posts per page of the approval queue and the lists. */
    @WithDefault("50")
    int pageSize();

    default ImageSanitizer.Limits imageLimits() {
        return new ImageSanitizer.Limits(maxImageBytes(), maxImagePixels(), imageLongEdge(), jpegQuality());
    }
}
