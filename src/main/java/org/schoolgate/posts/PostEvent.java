package org.schoolgate.posts;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** One step in a post's history, as its page shows it: what happened, when, by whom. */
@Entity
public class PostEvent extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long postId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actorEmail;

    @Column(nullable = false)
    public String actorName;

    /** e.g. submitted, signed-off, approved, published, blocked (see {@link PostService}). */
    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String detail = "";

    /** A step refused because of consent (missing, withdrawn, expired, or a name beyond the allowance). */
    @Column(nullable = false)
    public boolean consentBlocked;
}
