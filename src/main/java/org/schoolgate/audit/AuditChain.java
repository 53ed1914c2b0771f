package org.schoolgate.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The hash rule of the audit chain: SHA-256 over length-prefixed fields, so no field can bleed into the next. */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hashOf(AuditEvent e) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, Long.toString(e.seq));
        field(canonical, e.occurredAt.truncatedTo(ChronoUnit.MICROS).toString());
        field(canonical, e.actor);
        field(canonical, e.schoolId == null ? "" : e.schoolId.toString());
        field(canonical, e.action);
        field(canonical, e.subjectType);
        field(canonical, e.subjectId);
        field(canonical, e.details);
        field(canonical, e.prevHash);
        return sha256(canonical.toString());
    }

    private static void field(StringBuilder sb, String value) {
        String v = value == null ? "" : value;
        sb.append(v.length()).append(':').append(v).append(';');
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
