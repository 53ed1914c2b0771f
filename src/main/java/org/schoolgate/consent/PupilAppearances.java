package org.schoolgate.consent;

import java.time.Instant;
import java.util.List;

/**
 * Where a pupil appears in the school's posts, for the subject-access export. Consent must not know the
 * posts feature, so posts implements this port; until it does, {@link NoPupilAppearances} says nothing
 * is recorded.
 */
public interface PupilAppearances {

    /**
     * One post showing the pupil (tagged on one of its pictures).
     *
     * @param status    where the post is, in words ("published", "draft", "taken down")
     * @param channels  the channels it was for or went out on
     * @param permalinks the public addresses of the published copies (empty when not published)
     * @param href      the post's page in Schoolgate
     */
    record Appearance(long postId, String status, String caption, List<String> channels, Instant createdAt,
                      Instant publishedAt, List<String> permalinks, String href) {
    }

    /** False when no feature records posts yet, so the export says so instead of "none". */
    boolean recorded();

    /** Every post of the school showing the pupil, newest first. */
    List<Appearance> of(long schoolId, long pupilId);
}
