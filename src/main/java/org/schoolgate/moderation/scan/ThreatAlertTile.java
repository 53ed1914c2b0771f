package org.schoolgate.moderation.scan;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.DashboardTile;

/**
 * A threat in a comment puts an alert at the top of the headteacher's and DSL's home page as soon as
 * the scan has stored it (SPEC §2.4), until its review item is closed. Nobody else sees it.
 */
@RequestScoped
public class ThreatAlertTile implements DashboardTile {

    @Inject
    CurrentUser me;

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public List<Tile> tiles() {
        if (!me.hasRole(Role.HEADTEACHER_ROLE) && !me.hasRole(Role.DSL_ROLE)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> items = em.createNativeQuery("""
                        select r.id from review_item r join scanned_comment c on c.review_item_id = r.id
                         where r.school_id = ?1 and r.kind = 'FLAGGED_COMMENT' and r.status = 'OPEN'
                           and 'THREAT' = any(c.categories)
                         order by r.created_at desc, r.id desc""")
                .setParameter(1, me.schoolId()).getResultList();
        if (items.isEmpty()) {
            return List.of();
        }
        String href = items.size() == 1 ? "/review/" + items.get(0).longValue() : "/review?kind=FLAGGED_COMMENT";
        String text = items.size() == 1 ? "A comment threatens someone. Read it now: safeguarding, and the police if"
                + " anyone is in danger." : "Comments threaten people. Read them now: safeguarding, and the police if"
                + " anyone is in danger.";
        return List.of(new Tile("Threat in comments", items.size(), text, href, true));
    }
}
