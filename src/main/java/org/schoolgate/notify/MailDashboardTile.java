package org.schoolgate.notify;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.DashboardTile;

/** Tells the IT admin when e-mails could not be delivered after every retry. */
@RequestScoped
public class MailDashboardTile implements DashboardTile {

    @Inject
    CurrentUser me;

    @Inject
    Outbox outbox;

    @Override
    public List<Tile> tiles() {
        if (!me.hasRole(Role.ADMIN_ROLE)) {
            return List.of();
        }
        long failed = outbox.failedCount(me.schoolId());
        return failed == 0 ? List.of() : List.of(new Tile("E-mails not delivered", failed,
                "alerts or digests could not be sent: check the mail settings", "/admin/mail", true));
    }
}
