package org.schoolgate.moderation.actions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.SubjectPanel;
import org.schoolgate.staff.CurrentUser;

/** Shows a flagged comment in its context, with its actions, inside the review item's page. */
@RequestScoped
public class CommentPanel implements SubjectPanel {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(CommentView v);
    }

    @Inject
    CommentActions comments;

    @Inject
    CurrentUser me;

    @Override
    public Optional<String> panel(ReviewItem item) {
        if (!"comment".equals(item.subjectType)) {
            return Optional.empty();
        }
        long commentId;
        try {
            commentId = Long.parseLong(item.subjectId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(render(comments.view(me.schoolId(), commentId)));
        } catch (jakarta.ws.rs.NotFoundException e) {
            // not a comment the scan stored (or not this school's): the item page still opens, without the panel
            return Optional.empty();
        }
    }

    static String render(CommentView v) {
        return Templates.panel(v).render();
    }
}
