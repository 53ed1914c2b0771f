package org.schoolgate.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.schoolgate.staff.Role;

/**
 * Time to import 2,000 pupils × 4 consent purposes (target under 5 s): upload, preview and apply
 * through the service into a fresh school, then the same file again. Off by default; run with
 * {@code ./mvnw -B -ntp verify -Dtest=ImportBenchmark -Dbenchmark=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ImportBenchmark {

    static final int PUPILS = 2000;

    @Inject
    RosterImportService imports;

    @Test
    void importTwoThousandPupilsWithFourConsentsEach() {
        long school = ConsentTestData.otherSchoolWithUser(ConsentTestData.unique("bench-") + "@bench.school", Role.OFFICE);
        StringBuilder b = new StringBuilder("Adno,Legal Forename,Legal Surname,Preferred Forename,Year,Reg,Admission Date,"
                + "Facebook Consent,Instagram Consent,Website Consent,Press Consent,Name Allowance,Consent Date,Consent Expiry\r\n");
        for (int i = 1; i <= PUPILS; i++) {
            b.append(100000 + i).append(",First").append(i).append(",Surname").append(i).append(",,Year ").append(i % 7)
                    .append(',').append(i % 7).append("A,03/09/2023,Yes,").append(i % 3 == 0 ? "No" : "Yes")
                    .append(",Yes,Yes,First name,01/09/2025,31/08/2026\r\n");
        }
        byte[] csv = b.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        PupilImport upload = imports.upload(school, "bench.csv", csv, "bench");
        ImportPlan preview = imports.preview(school, upload.id);
        long previewed = System.nanoTime();
        ImportPlan applied = imports.apply(school, upload.id, "bench");
        long done = System.nanoTime();
        PupilImport again = imports.upload(school, "bench.csv", csv, "bench");
        ImportPlan second = imports.apply(school, again.id, "bench");
        long reimported = System.nanoTime();

        assertEquals(PUPILS, preview.added());
        assertEquals(PUPILS, applied.added());
        assertEquals(4L * PUPILS, applied.consentVersions());
        assertEquals(PUPILS, second.unchanged());
        System.out.printf("%nImportBenchmark: %d pupils x 4 consent purposes (%d KB): upload+preview %d ms, apply %d ms,"
                        + " total %d ms (target < 5000 ms); re-import of the same file (no changes) %d ms%n%n",
                PUPILS, csv.length / 1024, ms(previewed - start), ms(done - previewed), ms(done - start),
                ms(reimported - done));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
