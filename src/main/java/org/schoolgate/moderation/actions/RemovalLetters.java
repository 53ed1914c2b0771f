package org.schoolgate.moderation.actions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.schoolgate.channels.Channel;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.moderation.scan.ScannedPost;
import org.schoolgate.review.AlreadyActed;
import org.schoolgate.review.ReviewActionType;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewService;
import org.schoolgate.staff.School;
import org.schoolgate.staff.StaffUser;

/**
 * The letter asking a parent to remove a comment (Bledington E: the governing body contacts them asking them to
 * remove it and to seek redress through the complaints procedure). Schoolgate drafts it from the comment; the
 * headteacher edits it; the final words are kept, recorded on the item, and printed.
 */
@ApplicationScoped
public class RemovalLetters {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public record Draft(String addressee, String body, long itemVersion) {
    }

    @Inject
    CommentActions comments;

    @Inject
    ReviewService review;

    @Inject
    Clock clock;

    @Transactional
    public Draft draft(long schoolId, long commentId, String writerEmail) {
        ScannedComment c = comments.flagged(schoolId, commentId);
        School school = School.findById(schoolId);
        Channel channel = Channel.findById(c.channelId);
        ScannedPost post = ScannedPost.find(c.channelId, c.platformPostId).orElse(null);
        String writer = StaffUser.findByEmail(writerEmail).map(u -> u.displayName).orElse(writerEmail);
        String addressee = c.authorName == null ? "Parent/Carer" : c.authorName;
        var written = c.createdAt.atZone(LONDON);
        String where = channel.name + (c.permalink == null ? "" : " (" + c.permalink + ")");
        String onPost = post == null || post.text == null || post.text.isBlank() ? ""
                : ", under our post \"" + excerpt(post.text) + "\"";
        String body = """
                %s
                %s

                Dear %s,

                Request to remove a comment

                On %s at %s a comment was posted from the account "%s" on %s%s:

                    "%s"

                The school's social media pages are there to share the life of the school with its families. This \
                comment is not acceptable there, and we ask you to remove it within seven days of this letter.

                If you have a concern about the school, please raise it with us through the school's complaints \
                procedure rather than on social media: we will listen to it there and answer it properly.

                The school keeps a record of the comment. Where a comment threatens violence or is racist, the \
                governing body may involve the police.

                Yours sincerely,

                %s
                on behalf of the governing body of %s
                """.formatted(school.name, DAY.format(Instant.now(clock).atZone(LONDON)), addressee, DAY.format(written),
                TIME.format(written), c.authorName == null ? "not shown" : c.authorName, where, onPost,
                c.text == null ? "(the text is no longer held)" : c.text, writer, school.name);
        ReviewItem item = review.get(schoolId, c.reviewItemId);
        return new Draft(addressee, body, item.version);
    }

    /** Keeps the letter as written and records it on the item (a letter never conflicts: it changes nothing online). */
    @Transactional
    public RemovalLetter write(long schoolId, long commentId, long seenVersion, String by, String addressee, String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("The letter is empty.");
        }
        if (body.length() > 20_000) {
            throw new BadRequestException("The letter is too long (20,000 characters at most).");
        }
        ScannedComment c = comments.flagged(schoolId, commentId);
        ReviewItem item = review.get(schoolId, c.reviewItemId);
        if (item.version != seenVersion) {
            throw AlreadyActed.on(item);
        }
        RemovalLetter l = new RemovalLetter();
        l.schoolId = schoolId;
        l.commentId = commentId;
        l.itemId = item.id;
        l.addressee = addressee == null || addressee.isBlank() ? "Parent/Carer" : addressee.trim();
        l.body = body.replace("\r\n", "\n");
        l.writtenBy = by;
        l.writtenAt = Instant.now(clock);
        l.persist();
        review.act(schoolId, item.id, seenVersion, by, ReviewActionType.LETTER,
                "letter " + l.id + " to " + l.addressee + " asking for the comment's removal", null, null);
        return l;
    }

    @Transactional
    public RemovalLetter get(long schoolId, long commentId, long letterId) {
        RemovalLetter l = RemovalLetter.findById(letterId);
        if (l == null || l.schoolId != schoolId || l.commentId != commentId) {
            throw new NotFoundException("No such letter");
        }
        return l;
    }

    @Transactional
    public List<RemovalLetter> of(long schoolId, long commentId) {
        return RemovalLetter.list("schoolId = ?1 and commentId = ?2 order by writtenAt", schoolId, commentId);
    }

    private static String excerpt(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= 80 ? one : one.substring(0, 79) + "…";
    }
}
