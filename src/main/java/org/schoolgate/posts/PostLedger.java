package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.schoolgate.channels.PublishedLedger;

/** What Schoolgate published (or adopted by reconciliation), so polling never flags our own posts. */
@ApplicationScoped
public class PostLedger implements PublishedLedger {

    @Override
    @Transactional
    public boolean isKnown(long channelId, String platformPostId) {
        return PostTarget.count("channelId = ?1 and platformPostId = ?2", channelId, platformPostId) > 0;
    }
}
