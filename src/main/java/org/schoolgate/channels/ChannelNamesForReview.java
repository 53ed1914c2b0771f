package org.schoolgate.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.schoolgate.review.ChannelNames;

/** Gives the review queue the names of the school's channels for its filter. */
@ApplicationScoped
public class ChannelNamesForReview implements ChannelNames {

    @Override
    @Transactional
    public Map<Long, String> of(long schoolId) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Channel c : Channel.<Channel>list("schoolId = ?1 order by name, id", schoolId)) {
            names.put(c.id, c.name);
        }
        return names;
    }
}
