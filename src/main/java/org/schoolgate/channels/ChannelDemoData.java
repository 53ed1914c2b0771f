package org.schoolgate.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.schoolgate.channels.simulator.DemoWorld;
import org.schoolgate.demo.DemoSchoolSeeded;

/** The demo school's Facebook Page and Instagram account, active and connected to the simulator. */
@ApplicationScoped
public class ChannelDemoData {

    @Inject
    CredentialCipher cipher;

    @Inject
    Clock clock;

    void seed(@Observes DemoSchoolSeeded seeded) {
        add(seeded.schoolId(), Platform.FACEBOOK_PAGE, DemoWorld.PAGE_ID, DemoWorld.PAGE_NAME + " (Facebook)");
        add(seeded.schoolId(), Platform.INSTAGRAM, DemoWorld.IG_USER_ID, "@" + DemoWorld.IG_USERNAME + " (Instagram)");
    }

    private void add(long schoolId, Platform platform, String accountId, String name) {
        Channel c = new Channel();
        c.schoolId = schoolId;
        c.platform = platform;
        c.accountId = accountId;
        c.name = name;
        c.kind = ChannelKind.OFFICIAL;
        c.purpose = "News, celebrations and reminders for parents and the local community.";
        c.objectives = "Celebrate pupils' work with consent; keep families informed; build trust in the school.";
        c.riskAssessment = "Comments may contain abuse or pupils' personal data: scanned overnight, flagged items "
                + "reviewed by the DSL next morning; no pupil surnames in captions; images only with consent.";
        c.registeredWithEmail = "office@demo.school";
        c.registeredBy = "head@demo.school";
        c.registeredAt = Instant.now(clock);
        c.approvedBy = "head@demo.school";
        c.approvedAt = Instant.now(clock);
        c.status = ChannelStatus.ACTIVE;
        c.persist();
        c.credentialsCipher = cipher.encrypt(ChannelCredentials.token(DemoWorld.PAGE_TOKEN), c.id);
        c.credentialsKeyId = cipher.currentKeyId();
    }
}
