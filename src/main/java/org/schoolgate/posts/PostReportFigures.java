package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.schoolgate.report.PostFigures;

/**
 * The governors' figures from the posts' own history ({@link PostEvent}) over {@code [from, to)}:
 * <ul>
 *   <li>published: posts whose first copy went out in the range (any channel);</li>
 *   <li>blocked by consent: posts with at least one step in the range refused for consent (missing,
 *       refused, withdrawn or expired consent, or a name beyond the allowance) or blocked by the retro-sweep;</li>
 *   <li>time to sign-off: for each sign-off in the range, the time since the latest submission before it;</li>
 *   <li>time to approval: for each approval in the range, the time since the latest sign-off before it.</li>
 * </ul>
 */
@ApplicationScoped
public class PostReportFigures implements PostFigures {

    @Override
    @Transactional
    public Figures between(long schoolId, Instant from, Instant to) {
        long published = Post.getEntityManager().createQuery("select count(distinct e.postId) from PostEvent e"
                        + " where e.schoolId = :s and e.action = 'published-to-channel' and e.at >= :from and e.at < :to"
                        + " and not exists (select 1 from PostEvent f where f.postId = e.postId"
                        + " and f.action = 'published-to-channel' and f.at < :from)", Long.class)
                .setParameter("s", schoolId).setParameter("from", from).setParameter("to", to).getSingleResult();
        long blocked = Post.getEntityManager().createQuery("select count(distinct e.postId) from PostEvent e"
                        + " where e.schoolId = :s and e.consentBlocked = true and e.action = 'blocked'"
                        + " and e.at >= :from and e.at < :to", Long.class)
                .setParameter("s", schoolId).setParameter("from", from).setParameter("to", to).getSingleResult();
        List<PostEvent> steps = PostEvent.list("schoolId = ?1 and action in ?2 and at < ?3 order by postId, at, id",
                schoolId, List.of("submitted", "signed-off", "approved"), to);
        List<Duration> toSignOff = new ArrayList<>();
        List<Duration> toApproval = new ArrayList<>();
        Map<Long, Instant> lastSubmitted = new HashMap<>();
        Map<Long, Instant> lastSignedOff = new HashMap<>();
        for (PostEvent e : steps) {
            switch (e.action) {
                case "submitted" -> lastSubmitted.put(e.postId, e.at);
                case "signed-off" -> {
                    Instant since = lastSubmitted.get(e.postId);
                    if (since != null && !e.at.isBefore(from)) {
                        toSignOff.add(Duration.between(since, e.at));
                    }
                    lastSignedOff.put(e.postId, e.at);
                }
                case "approved" -> {
                    Instant since = lastSignedOff.get(e.postId);
                    if (since != null && !e.at.isBefore(from)) {
                        toApproval.add(Duration.between(since, e.at));
                    }
                }
                default -> { }
            }
        }
        return new Figures(published, blocked, median(toSignOff), median(toApproval));
    }

    static Optional<Duration> median(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }
}
