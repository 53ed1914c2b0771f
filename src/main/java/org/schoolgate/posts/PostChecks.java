package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.ChannelStatus;
import org.schoolgate.channels.Platform;
import org.schoolgate.consent.ConsentDecision;
import org.schoolgate.consent.ConsentService;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.posts.CheckReport.Kind;
import org.schoolgate.posts.CheckReport.Problem;
import org.schoolgate.staff.School;

/**
 * The checks run on submit, sign-off, approval and publish (SPEC §2.1): the content is complete, every
 * channel is one of the school's active official channels, every tagged pupil has consent for every
 * channel (now, and at the scheduled time), the caption names nobody beyond their allowance and holds no
 * personal data.
 */
@ApplicationScoped
public class PostChecks {

    static final int MAX_CAPTION = 2200;
    static final int MAX_IMAGES = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    /** When the checks run: a schedule in the past is refused only when the post is submitted. */
    public enum Step { SUBMIT, SIGN_OFF, APPROVAL, PUBLISH, VIEW }

    @Inject
    ConsentService consent;

    /** The consent purpose a platform's posts need. */
    public static String purposeOf(Platform platform) {
        return platform == Platform.FACEBOOK_PAGE ? Purpose.FACEBOOK : Purpose.INSTAGRAM;
    }

    public CheckReport check(Post post, List<PostImage> images, List<PostTarget> targets, Step step, Instant now) {
        List<Problem> problems = new ArrayList<>();
        content(post, images, step, now, problems);
        List<Channel> channels = channels(post.schoolId, targets, images, problems);
        Set<Long> pupilIds = new LinkedHashSet<>();
        images.forEach(i -> pupilIds.addAll(i.pupilIds));
        Set<String> purposes = new LinkedHashSet<>();
        channels.forEach(c -> purposes.add(purposeOf(c.platform)));
        List<CheckReport.PupilStatus> statuses = new ArrayList<>();
        List<CaptionCheck.Tagged> tagged = new ArrayList<>();
        if (!pupilIds.isEmpty() && !purposes.isEmpty()) {
            ConsentDecision at = consent.check(post.schoolId, pupilIds, purposes, now);
            at.problems().forEach(p -> problems.add(new Problem(Kind.CONSENT, p.reason())));
            if (post.scheduledAt != null && post.scheduledAt.isAfter(now)) {
                ConsentDecision later = consent.check(post.schoolId, pupilIds, purposes, post.scheduledAt);
                String when = WHEN.format(post.scheduledAt.atZone(at.zone()));
                later.problems().stream().filter(p -> !at.reasons().contains(p.reason()))
                        .forEach(p -> problems.add(new Problem(Kind.CONSENT, p.reason() + " by the scheduled time, " + when)));
            }
            for (ConsentDecision.NameRule n : at.names()) {
                tagged.add(new CaptionCheck.Tagged(n.pupilId(), n.allowance(), n.allowance().words()));
            }
            statuses = statuses(pupilIds, at);
        }
        for (CaptionCheck.Finding f : captionCheck(post.schoolId, pupilIds).check(post.caption, tagged)) {
            problems.add(new Problem(f.kind() == CaptionCheck.Kind.NAME ? Kind.NAME : Kind.PERSONAL_DATA, f.reason()));
        }
        return new CheckReport(List.copyOf(problems), List.copyOf(statuses));
    }

    private static void content(Post post, List<PostImage> images, Step step, Instant now, List<Problem> problems) {
        if (post.caption == null || post.caption.isBlank()) {
            problems.add(new Problem(Kind.CONTENT, "Write a caption"));
        } else if (post.caption.length() > MAX_CAPTION) {
            problems.add(new Problem(Kind.CONTENT, "The caption has " + post.caption.length() + " characters; "
                    + MAX_CAPTION + " is the most Instagram takes"));
        }
        if (images.size() > MAX_IMAGES) {
            problems.add(new Problem(Kind.CONTENT, "A post takes at most " + MAX_IMAGES + " pictures"));
        }
        for (PostImage i : images) {
            if (!i.tagged()) {
                problems.add(new Problem(Kind.CONTENT, "Picture " + i.position
                        + ": tag the pupils shown, or tick “no identifiable pupils”"));
            }
        }
        if (step == Step.SUBMIT && post.scheduledAt != null && post.scheduledAt.isBefore(now)) {
            problems.add(new Problem(Kind.CONTENT, "The scheduled time has passed: choose a later one, or none to "
                    + "publish as soon as it is approved"));
        }
    }

    private static List<Channel> channels(long schoolId, List<PostTarget> targets, List<PostImage> images,
                                          List<Problem> problems) {
        if (targets.isEmpty()) {
            problems.add(new Problem(Kind.CHANNEL, "Choose at least one channel"));
            return List.of();
        }
        List<Channel> channels = new ArrayList<>();
        for (PostTarget t : targets) {
            Channel c = Channel.findById(t.channelId);
            if (c == null || c.schoolId != schoolId) {
                problems.add(new Problem(Kind.CHANNEL, "Channel " + t.channelId + " is not one of this school's"));
                continue;
            }
            channels.add(c);
            if (c.kind != ChannelKind.OFFICIAL) {
                problems.add(new Problem(Kind.CHANNEL, c.name + " is a monitored page: Schoolgate never posts there"));
            } else if (c.status != ChannelStatus.ACTIVE) {
                problems.add(new Problem(Kind.CHANNEL, c.name + " is " + c.status.label().toLowerCase(Locale.ROOT)
                        + ": it cannot take posts until it is active again"));
            }
            if (c.platform != Platform.FACEBOOK_PAGE && images.isEmpty()) {
                problems.add(new Problem(Kind.CHANNEL, c.name + ": Instagram posts need at least one picture"));
            }
        }
        return channels;
    }

    private static List<CheckReport.PupilStatus> statuses(Set<Long> pupilIds, ConsentDecision d) {
        Map<Long, ConsentDecision.NameRule> names = new LinkedHashMap<>();
        d.names().forEach(n -> names.put(n.pupilId(), n));
        List<CheckReport.PupilStatus> out = new ArrayList<>();
        for (long id : pupilIds) {
            List<String> problems = d.problemsOf(id).stream().map(ConsentDecision.Problem::reason).toList();
            ConsentDecision.NameRule n = names.get(id);
            String name = n == null ? "Pupil " + id : (n.preferredName() == null || n.preferredName().isBlank()
                    ? n.firstName() : n.preferredName()) + " " + n.surname();
            String words = n == null ? "" : n.words().startsWith(name + ": ") ? n.words().substring(name.length() + 2)
                    : n.words();
            out.add(new CheckReport.PupilStatus(id, name, problems.isEmpty(), problems, words));
        }
        return out;
    }

    /** The roster on roll plus the tagged pupils (a leaver may still be tagged and named), and the school's contacts. */
    private static CaptionCheck captionCheck(long schoolId, Set<Long> tagged) {
        List<Pupil> roster = new ArrayList<>(Pupil.<Pupil>list("schoolId = ?1 and offRoll = false", schoolId));
        if (!tagged.isEmpty()) {
            roster.addAll(Pupil.<Pupil>list("schoolId = ?1 and id in ?2", schoolId, tagged));
        }
        School school = School.findById(schoolId);
        return new CaptionCheck(roster.stream()
                .map(p -> new CaptionCheck.RosterPupil(p.id, p.firstName, p.preferredName, p.surname)).toList(),
                school.publicContactLines());
    }
}
