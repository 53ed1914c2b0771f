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

    @Override
    public List<Tile> tiles() {
        if (!me.hasRole(Role.HEADTEACHER_ROLE) && !me.hasRole(Role.DSL_ROLE)) {
            return List.of();
        }
        long open = review.openCount(me.schoolId());
        long urgent = review.openUrgentCount(me.schoolId());
        String text = urgent > 0 ? urgent + " of them high or critical: look at these first" : "in your review queue";
        return List.of(new Tile("Items to review", open, text, "/review", urgent > 0));
    }
}
