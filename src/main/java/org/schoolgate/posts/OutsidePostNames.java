package org.schoolgate.posts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.schoolgate.channels.ChannelEvents;
import org.schoolgate.consent.ConsentDecision;
import org.schoolgate.consent.ConsentService;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;

/**
 * Captions of posts found outside the workflow, and of monitored pages' posts, are checked for pupils' names
 * (SPEC §2.2) with the same roster matcher as our own captions: a pupil named in full whose consent for that
 * channel does not allow their full name raises one consent conflict per post.
 */
@ApplicationScoped
public class OutsidePostNames {

    private static final Logger LOG = Logger.getLogger(OutsidePostNames.class);

    @Inject
    ConsentService consent;

    @Inject
    ReviewService review;

    @Inject
    Clock clock;

    void found(@Observes ChannelEvents.OutsidePostFound post) {
        if (post.text() == null || post.text().isBlank()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> check(post));
        } catch (RuntimeException e) {
            LOG.warnf("Checking the caption of post %s on channel %d failed: %s", post.postId(), post.channelId(),
                    e.getClass().getSimpleName());
        }
    }

    void check(ChannelEvents.OutsidePostFound post) {
        List<Pupil> roster = Pupil.list("schoolId = ?1 and offRoll = false", post.schoolId());
        CaptionCheck names = new CaptionCheck(roster.stream()
                .map(p -> new CaptionCheck.RosterPupil(p.id, p.firstName, p.preferredName, p.surname)).toList());
        Set<Long> named = new LinkedHashSet<>();
        for (CaptionCheck.Finding f : names.check(post.text(), List.of())) {
            if (f.kind() == CaptionCheck.Kind.NAME && f.pupilId() != null) {
                named.add(f.pupilId());
            }
        }
        if (named.isEmpty()) {
            return;
        }
        String purpose = PostChecks.purposeOf(post.platform());
        ConsentDecision d = consent.check(post.schoolId(), named, List.of(purpose), Instant.now(clock));
        Map<Long, ConsentDecision.NameRule> rules = new java.util.HashMap<>();
        d.names().forEach(n -> rules.put(n.pupilId(), n));
        List<String> beyond = new ArrayList<>();
        for (long id : named) {
            ConsentDecision.NameRule rule = rules.get(id);
            boolean refused = !d.problemsOf(id).isEmpty();
            if (rule == null || refused || rule.allowance() != NameAllowance.FULL_NAME) {
                beyond.add(rule == null ? "pupil " + id : rule.words() + (refused ? " (" + String.join("; ",
                        d.problemsOf(id).stream().map(ConsentDecision.Problem::reason).toList()) + ")" : ""));
            }
        }
        if (beyond.isEmpty()) {
            return;
        }
        String excerpt = post.text().length() > 120 ? post.text().substring(0, 117) + "…" : post.text();
        review.raise(new NewReviewItem(post.schoolId(), ReviewKind.CONSENT_CONFLICT, Severity.HIGH, "platform-post",
                "channel " + post.channelId() + " post " + post.postId(), post.channelId(),
                "A post on " + post.channelName() + " names " + (beyond.size() == 1 ? "a pupil" : beyond.size() + " pupils")
                        + " beyond their consent: " + excerpt,
                "Named in full: " + String.join("; ", beyond) + ". "
                        + (post.monitored() ? "This is a monitored page the school does not run: ask its administrators "
                        + "to remove the names." : "It did not go through Schoolgate: remove the names or the post.")));
    }
}
