package org.schoolgate.channels;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.SubjectLink;

/** Channel problems link to the channel's page; a post found outside the workflow links to its comments page. */
@ApplicationScoped
public class ChannelSubjectLink implements SubjectLink {

    private static final Pattern PLATFORM_POST = Pattern.compile("channel (\\d+) post (.+)");

    @Override
    public Optional<Link> link(ReviewItem item) {
        if ("channel".equals(item.subjectType) && item.channelId != null) {
            return Optional.of(new Link("/channels/" + item.channelId, "Open the channel"));
        }
        if ("platform-post".equals(item.subjectType)) {
            Matcher m = PLATFORM_POST.matcher(item.subjectId);
            if (m.matches()) {
                return Optional.of(new Link("/channels/" + m.group(1) + "/posts/"
                        + URLEncoder.encode(m.group(2), StandardCharsets.UTF_8), "See the post and its comments"));
            }
        }
        return Optional.empty();
    }
}
