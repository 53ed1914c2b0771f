package org.schoolgate.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One e-mail to one person, in the outbox: written in the transaction of the event that caused it, sent
 * after commit, retried with back-off, kept with its outcome. {@code dedupKey} makes a repeat (a second
 * digest run, an event observed twice) harmless.
 */
@Entity
public class MailMessage extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailKind kind;

    @Column(nullable = false)
    public String dedupKey;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String bodyText;

    @Column(nullable = false)
    public String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public Instant nextAttemptAt;

    public String lastError;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant sentAt;

    @Version
    public long version;
}
