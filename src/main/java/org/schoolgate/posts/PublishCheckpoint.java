package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import org.schoolgate.channels.PublishedPost;

/**
 * The moment between a platform accepting a post and Schoolgate recording it. Does nothing; it exists so
 * that a fault-injection test can make the process "crash" exactly there and prove that the next run
 * finds the copy instead of posting a second one.
 */
@ApplicationScoped
public class PublishCheckpoint {

    public void accepted(long postId, long channelId, PublishedPost published) {
        // nothing happens here in a running Schoolgate
    }
}
