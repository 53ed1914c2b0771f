package org.schoolgate.consent;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.DashboardTile;

/** The office sees how many consents need renewing soon. */
@RequestScoped
public class ConsentDashboardTile implements DashboardTile {

    @Inject
    CurrentUser me;

    @Inject
    ConsentService consents;

    @Inject
    ConsentConfig config;

    @Override
    public List<Tile> tiles() {
        if (!me.hasRole(Role.OFFICE_ROLE)) {
            return List.of();
        }
        long school = me.schoolId();
        int due = consents.renewalsDue(school, consents.today(school), config.renewalDays()).size();
        return List.of(new Tile("Consents to renew", due, "ending in the next " + config.renewalDays() + " days",
                "/pupils/renewals", false));
    }
}
