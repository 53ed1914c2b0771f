package org.schoolgate.review;

/** What a feature gives to raise an item. */
public record NewReviewItem(long schoolId, ReviewKind kind, Severity severity, String subjectType, String subjectId,
                            Long channelId, String summary, String detail) {
}
