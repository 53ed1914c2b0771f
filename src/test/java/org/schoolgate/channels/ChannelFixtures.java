package org.schoolgate.channels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimToken;
import org.schoolgate.staff.School;
import org.schoolgate.staff.StaffUser;

/** Test data for channel tests in the running app: a fresh simulated Page and a channel pointing at it. */
public final class ChannelFixtures {

    private ChannelFixtures() {
    }

    public record SimPage(String pageId, String token) {
    }

    private static long counter = System.nanoTime() % 1_000_000;

    /** A new Page in the running simulator with a token holding every scope. */
    public static synchronized SimPage simulatedPage(GraphWorld world, String name) {
        String pageId = "1045" + String.format("%011d", ++counter);
        world.addPage(pageId, name);
        String token = "EAAB-test-" + UUID.randomUUID();
        world.addToken(token, SimToken.Type.PAGE, pageId, SimToken.PAGE_SCOPES, null);
        return new SimPage(pageId, token);
    }

    public static long demoSchoolId() {
        return QuarkusTransaction.requiringNew().call(() -> StaffUser.findByEmail("head@demo.school").orElseThrow()
                .schools.iterator().next().id);
    }

    /** An approved, connected channel written straight to the database (bypassing the workflow under test). */
    public static Channel activeChannel(CredentialCipher cipher, long schoolId, Platform platform, String accountId,
                                        ChannelKind kind, String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Channel c = new Channel();
            c.schoolId = schoolId;
            c.platform = platform;
            c.accountId = accountId;
            c.name = "Test channel " + accountId;
            c.kind = kind;
            c.purpose = "p";
            c.objectives = "o";
            c.riskAssessment = "r";
            c.registeredWithEmail = "office@school.example";
            c.registeredBy = "head@demo.school";
            c.registeredAt = Instant.now();
            c.approvedBy = "head@demo.school";
            c.approvedAt = Instant.now();
            c.status = ChannelStatus.ACTIVE;
            c.persist();
            c.credentialsCipher = cipher.encrypt(ChannelCredentials.token(token), c.id);
            c.credentialsKeyId = cipher.currentKeyId();
            return c;
        });
    }

    public static long otherSchool() {
        return QuarkusTransaction.requiringNew().call(() -> {
            School s = new School();
            s.name = "Other School " + UUID.randomUUID();
            s.persist();
            return s.id;
        });
    }
}
