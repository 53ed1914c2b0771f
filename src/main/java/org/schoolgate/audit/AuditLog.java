package org.schoolgate.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The one place that writes the audit trail, and the chain check. */
@ApplicationScoped
public class AuditLog {

    static final String SYSTEM = "system";
    private static final int VERIFY_BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Instance<SecurityIdentity> identity;

    /** Every feature event is written in the transaction that fired it (synchronous observer). */
    @Transactional(Transactional.TxType.MANDATORY)
    void on(@Observes AuditableEvent event) {
        append(event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent append(AuditableEvent event) {
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        AuditEvent e = new AuditEvent();
        e.seq = head.lastSeq + 1;
        e.occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        e.actor = event.actor() != null ? event.actor() : currentActor();
        e.schoolId = event.schoolId();
        e.action = event.action();
        e.subjectType = event.subjectType();
        e.subjectId = event.subjectId();
        e.details = event.details();
        e.prevHash = head.lastHash;
        e.hash = AuditChain.hashOf(e);
        em.persist(e);
        head.lastSeq = e.seq;
        head.lastHash = e.hash;
        return e;
    }

    private String currentActor() {
        try {
            if (identity.isResolvable() && !identity.get().isAnonymous()) {
                return identity.get().getPrincipal().getName();
            }
        } catch (RuntimeException noRequest) {
            // jobs run outside any request: the system acts
        }
        return SYSTEM;
    }

    /** Walks the whole chain in order; reports the first event whose link or hash does not hold. */
    @Transactional
    @ActivateRequestContext
    public ChainVerdict verify() {
        String expectedPrev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery("from AuditEvent where seq > :after order by seq", AuditEvent.class)
                    .setParameter("after", after).setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditEvent e : batch) {
                if (e.seq != expectedSeq) {
                    return ChainVerdict.broken(checked, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (!e.prevHash.equals(expectedPrev)) {
                    return ChainVerdict.broken(checked, e.seq, "does not link to the event before it");
                }
                if (!AuditChain.hashOf(e).equals(e.hash)) {
                    return ChainVerdict.broken(checked, e.seq, "its content was changed after it was written");
                }
                expectedPrev = e.hash;
                expectedSeq++;
                checked++;
                after = e.seq;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, 1);
        if (head.lastSeq != checked || !head.lastHash.equals(expectedPrev)) {
            return ChainVerdict.broken(checked, checked + 1, "the newest events were removed (the chain ended at "
                    + head.lastSeq + ")");
        }
        return ChainVerdict.ok(checked);
    }

    /** Newest first: the school's events, and the trust-wide ones (logins) of that school's own staff. */
    @Transactional
    public List<AuditEvent> recent(long schoolId, int offset, int limit) {
        return em.createQuery("""
                        from AuditEvent where schoolId = :school
                           or (schoolId is null and actor in
                               (select u.email from StaffUser u join u.schools s where s.id = :school))
                        order by seq desc""", AuditEvent.class)
                .setParameter("school", schoolId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
