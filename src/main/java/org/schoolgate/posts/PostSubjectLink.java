package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.SubjectLink;

/** Items about a post link to the post's page (where it is approved, fixed, or taken down). */
@ApplicationScoped
public class PostSubjectLink implements SubjectLink {

    private static final Pattern POST_ID = Pattern.compile("(\\d+)(?::.*)?");

    @Override
    public Optional<Link> link(ReviewItem item) {
        if (!PostReviewItems.SUBJECT.equals(item.subjectType) || item.subjectId == null) {
            return Optional.empty();
        }
        Matcher m = POST_ID.matcher(item.subjectId);
        if (!m.matches()) {
            return Optional.empty();
        }
        String label = item.kind == ReviewKind.CONSENT_CONFLICT ? "Open the post (take it down there)"
                : item.kind == ReviewKind.POST_APPROVAL ? "Open the post to approve or reject it" : "Open the post";
        return Optional.of(new Link("/posts/" + m.group(1), label));
    }
}
