package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.ChannelPollService;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.Severity;

/** Captions found outside the workflow and on monitored pages are checked for pupils' names (SPEC §2.2). */
@QuarkusTest
class OutsidePostNamesTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ChannelPollService polling;

    @Inject
    PublishService publishing;

    long school;
    PostFixtures.Channels channels;
    Pupil leo;
    Pupil mia;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @BeforeEach
    void setUp() {
        school = PostFixtures.demoSchoolId();
        channels = PostFixtures.channels(world(), cipher, school);
        leo = PostFixtures.pupil(school, "Leo", PostFixtures.uniqueSurname("Outby"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME));
        mia = PostFixtures.pupil(school, "Mia", PostFixtures.uniqueSurname("Fullnam"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FULL_NAME));
    }

    GraphWorld.Post postOnPage(String text) {
        return world().addPost(channels.pageId(), text, Instant.now().minus(Duration.ofMinutes(30)), List.of());
    }

    static List<ReviewItem> items(long channelId, String postId, ReviewKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list(
                "subjectType = 'platform-post' and subjectId = ?1 and kind = ?2",
                "channel " + channelId + " post " + postId, kind));
    }

    @Test
    void aPostOutsideTheWorkflowNamingAPupilBeyondTheirConsentIsAConflict() {
        GraphWorld.Post naming = postOnPage("Well done LEO " + leo.surname.toUpperCase() + "'s team at the gala!");
        GraphWorld.Post allowed = postOnPage("Congratulations Mia " + mia.surname + ", county champion");
        GraphWorld.Post firstNameOnly = postOnPage("Leo scored the winning goal");

        polling.pollOne(channels.facebook());

        assertThat(items(channels.facebook(), naming.id(), ReviewKind.OUT_OF_WORKFLOW_POST)).hasSize(1);
        assertThat(items(channels.facebook(), naming.id(), ReviewKind.CONSENT_CONFLICT)).singleElement().satisfies(i -> {
            assertThat(i.severity).isEqualTo(Severity.HIGH);
            assertThat(i.detail).contains("Leo " + leo.surname + ": first name only");
            assertThat(i.summary).contains("names a pupil beyond their consent");
        });
        assertThat(items(channels.facebook(), allowed.id(), ReviewKind.CONSENT_CONFLICT))
                .as("Mia's full name is allowed on Facebook").isEmpty();
        assertThat(items(channels.facebook(), firstNameOnly.id(), ReviewKind.CONSENT_CONFLICT)).isEmpty();

        polling.pollOne(channels.facebook());
        assertThat(items(channels.facebook(), naming.id(), ReviewKind.CONSENT_CONFLICT)).as("raised once").hasSize(1);
    }

    @Test
    void aMonitoredPagesPostIsCheckedToo() {
        QuarkusTransaction.requiringNew().run(() -> Channel.<Channel>findById(channels.facebook()).kind = ChannelKind.MONITORED);
        GraphWorld.Post naming = postOnPage("PTA raffle winner: Leo " + leo.surname + "!");

        polling.pollOne(channels.facebook());

        assertThat(items(channels.facebook(), naming.id(), ReviewKind.OUT_OF_WORKFLOW_POST))
                .as("a monitored page's posts are not ours to publish").isEmpty();
        assertThat(items(channels.facebook(), naming.id(), ReviewKind.CONSENT_CONFLICT)).singleElement()
                .satisfies(i -> assertThat(i.detail).contains("monitored page"));
    }

    @Test
    void ourOwnPublishedPostsAreNotCheckedAgain() {
        long id = PostFixtures.approvedPost("Leo ran the relay", List.of(channels.facebook()), leo.id);
        assertThat(publishing.publish(id, Instant.now()).result()).isEqualTo("published");
        String platformId = PostFixtures.targets(id).get(0).platformPostId;
        polling.pollOne(channels.facebook());
        assertThat(items(channels.facebook(), platformId, ReviewKind.OUT_OF_WORKFLOW_POST)).isEmpty();
        assertThat(items(channels.facebook(), platformId, ReviewKind.CONSENT_CONFLICT)).isEmpty();
    }
}
