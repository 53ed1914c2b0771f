package org.schoolgate.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.schoolgate.staff.CurrentUser;
import org.schoolgate.staff.Role;

/**
 * The school's e-mail outbox for the IT admin: what was sent, what waits for a retry and what failed. In the dev
 * run (where nothing leaves the machine) it is also the dev mailbox: it shows each message's text.
 */
@Path("/admin/mail")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class MailPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outbox(List<MailMessage> messages, boolean showBodies);
    }

    @Inject
    Outbox outbox;

    @Inject
    CurrentUser me;

    @GET
    @Operation(hidden = true)
    public TemplateInstance outbox() {
        return Templates.outbox(outbox.recent(me.schoolId(), 200), LaunchMode.current() == LaunchMode.DEVELOPMENT);
    }
}
