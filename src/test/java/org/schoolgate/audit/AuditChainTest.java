package org.schoolgate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;

/**
 * The audit trail is append-only in the database, and tampering by someone who bypasses that
 * (a database owner) is detected: an edited row, a deleted row and a deleted tail.
 */
@QuarkusTest
class AuditChainTest {

    record Noted(String what) implements AuditableEvent {
        public String action() { return "test.noted"; }
        public Long schoolId() { return null; }
        public String subjectType() { return "test"; }
        public String subjectId() { return what; }
        public String details() { return "noted " + what; }
    }

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource db;

    long first;
    long second;

    @BeforeEach
    void threeEvents() {
        first = QuarkusTransaction.requiringNew().call(() -> audit.append(new Noted("one")).seq);
        second = QuarkusTransaction.requiringNew().call(() -> audit.append(new Noted("two")).seq);
        QuarkusTransaction.requiringNew().run(() -> audit.append(new Noted("three")));
    }

    @Test
    void anUntouchedChainIsIntact() {
        Api.as("head").get("/api/audit/verify").then().statusCode(200).body("intact", is(true));
        Api.as("office").get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        assertThatThrownBy(() -> sql("update audit_event set details = 'x' where seq = " + first))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("delete from audit_event where seq = " + first))
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedEventIsFoundAndNamed() throws SQLException {
        String original = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>findById(second).details);
        asOwner("update audit_event set details = 'nothing happened' where seq = " + second);
        try {
            ChainVerdict v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(second);
            assertThat(v.problem()).contains("changed");
            Api.as("admin").get("/api/audit/verify").then().statusCode(200)
                    .body("intact", is(false)).body("firstBrokenSeq", is((int) second));
        } finally {
            asOwner("update audit_event set details = '" + original + "' where seq = " + second);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aDeletedEventIsFound() throws SQLException {
        asOwner("create temporary table kept as select * from audit_event where seq = " + second,
                "delete from audit_event where seq = " + second);
        try {
            ChainVerdict v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(second);
            assertThat(v.problem()).contains("missing");
        } finally {
            asOwner("insert into audit_event select * from kept", "drop table kept");
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aRemovedTailIsFound() throws SQLException {
        long last = QuarkusTransaction.requiringNew().call(() -> audit.append(new Noted("last")).seq);
        asOwner("create temporary table kept as select * from audit_event where seq = " + last,
                "delete from audit_event where seq = " + last);
        try {
            ChainVerdict v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("removed");
        } finally {
            asOwner("insert into audit_event select * from kept", "drop table kept");
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** What a database owner could do: switch the guard off, tamper, switch it on again. */
    private void asOwner(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_event disable trigger audit_event_no_change");
            for (String statement : statements) {
                s.execute(statement);
            }
            s.execute("alter table audit_event enable trigger audit_event_no_change");
        }
    }
}
