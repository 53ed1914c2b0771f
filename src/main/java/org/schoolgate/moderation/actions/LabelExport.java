package org.schoolgate.moderation.actions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewLabel;
import org.schoolgate.review.ReviewService;

/**
 * The school's review decisions as training data, in the format of {@code shared/data/abuse/train.tsv}:
 * {@code label<TAB>text<TAB>original label}, where label is {@code abusive} (hidden, deleted or escalated) or
 * {@code ok} (dismissed as a false positive), and the third column says which decision it came from
 * ({@code school-dismissed}, {@code school-hidden}, …). Tabs and line breaks in the text become spaces, as in
 * the shared data. Comments whose text is no longer held are left out.
 */
@ApplicationScoped
public class LabelExport {

    @Inject
    ReviewService review;

    @Transactional
    public String tsv(long schoolId) {
        List<ReviewLabel> labels = review.labels(schoolId, ReviewKind.FLAGGED_COMMENT);
        Map<Long, ScannedComment> byItem = new HashMap<>();
        if (!labels.isEmpty()) {
            for (ScannedComment c : ScannedComment.<ScannedComment>list("schoolId = ?1 and reviewItemId in ?2", schoolId,
                    labels.stream().map(l -> l.itemId).toList())) {
                byItem.put(c.reviewItemId, c);
            }
        }
        StringBuilder out = new StringBuilder();
        for (ReviewLabel l : labels) {
            ScannedComment c = byItem.get(l.itemId);
            if (c == null || c.text == null || c.text.isBlank()) {
                continue;
            }
            out.append(l.abusive ? "abusive" : "ok").append('\t')
                    .append(c.text.replaceAll("[\\t\\r\\n]+", " ").trim()).append('\t')
                    .append("school-").append(l.source).append('\n');
        }
        return out.toString();
    }
}
