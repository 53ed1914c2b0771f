package org.schoolgate.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A school of the trust. Every feature record carries the id of the school it belongs to. */
@Entity
public class School extends PanacheEntity {

    @Column(nullable = false)
    public String name;

    /** Unique Reference Number from Get Information about Schools. */
    public String urn;

    @Column(nullable = false)
    public String timezone = "Europe/London";

    @Column(nullable = false)
    public Instant createdAt = Instant.now();

    /**
     * The school's own public contact details (the office phone, e-mail and address), one per line, as printed on
     * its website: a post's caption may give these, while any other contact detail is personal data.
     */
    @Column(name = "public_contacts", length = 1000)
    public String publicContacts;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public List<String> publicContactLines() {
        return publicContacts == null ? List.of() : publicContacts.lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList();
    }
}
