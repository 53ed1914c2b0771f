package org.schoolgate.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard: what waits for me, whatever my roles. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<DashboardTile.Tile> tiles);
    }

    @Inject
    Instance<DashboardTile> features;

    @GET
    @RolesAllowed("**")
    @Operation(hidden = true)
    public TemplateInstance home() {
        List<DashboardTile.Tile> tiles = features.stream().flatMap(f -> f.tiles().stream())
                .sorted(Comparator.comparing((DashboardTile.Tile t) -> !t.urgent()).thenComparing(DashboardTile.Tile::title))
                .toList();
        return Templates.home(tiles);
    }
}
