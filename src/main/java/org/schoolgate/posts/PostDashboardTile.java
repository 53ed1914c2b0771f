package org.schoolgate.posts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;
import org.schoolgate.web.DashboardTile;

/** What waits for the reader in the posts workflow: their drafts, colleagues' posts to sign off, approvals. */
@RequestScoped
public class PostDashboardTile implements DashboardTile {

    @Inject
    CurrentUser me;

    @Inject
    PostQueries queries;

    @Override
    public List<Tile> tiles() {
        List<Tile> tiles = new ArrayList<>();
        long school = me.schoolId();
        if (me.hasRole(Role.OFFICE_ROLE)) {
            long open = queries.needingAuthor(school, me.userId());
            long trouble = queries.blockedOrRejected(school, me.userId());
            tiles.add(new Tile("My posts", open, trouble > 0 ? trouble + " sent back or blocked: see why"
                    : "drafts waiting for you", "/posts", trouble > 0));
        }
        if (ApprovalRules.SIGN_OFF_ROLES.stream().anyMatch(me::hasRole)) {
            tiles.add(new Tile("Posts to sign off", queries.signOffCount(school, me.userId()),
                    "colleagues' posts waiting for a second pair of eyes", "/posts/sign-off", false));
        }
        if (me.hasRole(Role.HEADTEACHER_ROLE)) {
            tiles.add(new Tile("Posts to approve", queries.count(school, PostStatus.AWAITING_APPROVAL),
                    "signed off and waiting for you", "/posts/approval", false));
        }
        return tiles;
    }
}
