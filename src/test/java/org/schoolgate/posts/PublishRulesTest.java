package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.PlatformPost;

/** The plain rules of publishing: back-off, giving up, and finding our own copy after a lost answer. */
class PublishRulesTest {

    static final Instant ATTEMPT = Instant.parse("2026-05-01T09:00:00Z");

    static PlatformPost listed(String id, String text, Instant at) {
        return new PlatformPost(id, at, text, Optional.of(URI.create("https://www.facebook.com/" + id)), List.of(), 0);
    }

    @Test
    void retriesWaitFourTimesLongerEachTimeUpToTheCeilingThenStop() {
        PublishRetryPolicy p = new PublishRetryPolicy(Duration.ofMinutes(1), Duration.ofHours(2), 5);
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.delayAfter(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofMinutes(16));
        assertThat(p.delayAfter(4)).isEqualTo(Duration.ofMinutes(64));
        assertThat(p.delayAfter(5)).isEqualTo(Duration.ofHours(2));
        assertThat(p.delayAfter(50)).isEqualTo(Duration.ofHours(2));
        assertThat(p.exhausted(4)).isFalse();
        assertThat(p.exhausted(5)).isTrue();
    }

    @Test
    void reconciliationAdoptsOurCaptionPostedSinceTheAttempt() {
        List<PlatformPost> page = List.of(
                listed("new-other", "Lunch menu", ATTEMPT.plusSeconds(5)),
                listed("ours", "Sports day!\r\nWell done all  ", ATTEMPT.plusSeconds(1)),
                listed("old-same", "Sports day!\nWell done all", ATTEMPT.minus(Duration.ofDays(3))));
        assertThat(Reconciliation.find(page, "Sports day!\nWell done all", ATTEMPT.minusSeconds(600), id -> false))
                .get().extracting(PlatformPost::id).isEqualTo("ours");
    }

    @Test
    void reconciliationNeverAdoptsAnotherPostsCopyNorADifferentCaption() {
        List<PlatformPost> page = List.of(listed("theirs", "Sports day!", ATTEMPT.plusSeconds(1)),
                listed("edited", "Sports day!!", ATTEMPT.plusSeconds(2)));
        assertThat(Reconciliation.find(page, "Sports day!", ATTEMPT.minusSeconds(600), Set.of("theirs")::contains))
                .isEmpty();
    }
}
