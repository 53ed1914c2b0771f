package org.schoolgate.web;

import java.util.List;

/**
 * A feature's contribution to the home page: what waits for this person. Each feature implements
 * it as a bean; the home page shows the tiles of the caller's roles.
 */
public interface DashboardTile {

    record Tile(String title, long count, String text, String href, boolean urgent) {
    }

    /** The tiles for the current user (roles are checked by the implementation). */
    List<Tile> tiles();
}
