package org.schoolgate.channels;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;

/** A registered social-media account of one school, with its encrypted credentials and polling state. */
@Entity
public class Channel extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    /** Page id or Instagram user id (or, for instagram4j, the user name). */
    @Column(nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChannelKind kind;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public String objectives;

    @Column(nullable = false)
    public String riskAssessment;

    /** The school e-mail address the account was registered with (SPEC §2.2). */
    @Column(nullable = false)
    public String registeredWithEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChannelStatus status = ChannelStatus.PENDING;

    @Column(nullable = false)
    public String registeredBy;

    @Column(nullable = false)
    public Instant registeredAt;

    public String approvedBy;

    public Instant approvedAt;

    /** AES-GCM ciphertext of the credentials ({@link CredentialCipher}); never shown. */
    public String credentialsCipher;

    public String credentialsKeyId;

    public Instant tokenExpiresAt;

    /** Where an interrupted post listing resumes (Graph "after" cursor; carries no token). */
    public String postCursor;

    /** Posts created before this have been reconciled. */
    public Instant postWatermark;

    /** Newest post seen by the listing in progress; becomes the watermark when it completes. */
    public Instant pendingWatermark;

    /** Rate limited: not polled before this. */
    public Instant backoffUntil;

    public Instant lastPolledAt;

    public String lastProblem;

    public Instant problemSince;

    @Version
    public long version;

    public boolean isConnected() {
        return credentialsCipher != null;
    }

    public boolean isReadOnly() {
        return kind == ChannelKind.MONITORED;
    }
}
