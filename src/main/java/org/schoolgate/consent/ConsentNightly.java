package org.schoolgate.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** The nightly work for one school: consents past their last day expire, leavers go off roll. */
@ApplicationScoped
public class ConsentNightly {

    public record Result(int expired, int left) {
    }

    @Inject
    ConsentService consents;

    @Inject
    PupilService pupils;

    @Inject
    RosterImportService imports;

    @Inject
    Clock clock;

    @Transactional
    public java.util.List<Long> schoolIds() {
        return org.schoolgate.staff.School.<org.schoolgate.staff.School>listAll().stream().map(s -> s.id).toList();
    }

    /** Today as the school's own clock reads it. */
    @Transactional
    public Result run(long schoolId) {
        return run(schoolId, pupils.today(schoolId));
    }

    /** For a given school day; tests move the day instead of the clock. */
    @Transactional
    public Result run(long schoolId, LocalDate today) {
        int expired = consents.expireDue(schoolId, today);
        int left = pupils.markLeavers(schoolId, today);
        imports.purgeStaleUploads(schoolId, Instant.now(clock).minus(Duration.ofDays(1)));
        return new Result(expired, left);
    }
}
