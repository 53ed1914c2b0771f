package org.schoolgate.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.DashboardTile;

@RequestScoped
public class ReviewDashboardTile implements DashboardTile {

    @Inject
    CurrentUser me;

    @Inject
    ReviewService review;

    @Inject
    java.time.Clock clock;

    @Override
    public List<Tile> tiles() {
        if (!me.hasRole(Role.HEADTEACHER_ROLE) && !me.hasRole(Role.DSL_ROLE)) {
            return List.of();
        }
        long open = review.openCount(me.schoolId());
        long urgent = review.openUrgentCount(me.schoolId());
        String text = urgent > 0 ? urgent + " of them high or critical: look at these first" : "in your review queue";
        Tile queue = new Tile("Items to review", open, text, "/review", urgent > 0);
        if (!me.hasRole(Role.DSL_ROLE)) {
            return List.of(queue);
        }
        long toDsl = review.escalationsToSince(me.schoolId(), EscalationTarget.DSL,
                java.time.Instant.now(clock).minus(java.time.Duration.ofDays(30)));
        return List.of(queue, new Tile("Safeguarding escalations", toDsl, "passed to the DSL in the last 30 days",
                "/review/escalations?target=DSL", false));
    }
}
