package org.schoolgate.posts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The sanitised bytes of a {@link PostImage}, kept apart so that lists of pictures never load them. */
@Entity
public class PostImageData extends PanacheEntityBase {

    @Id
    public long imageId;

    @Column(nullable = false)
    public byte[] bytes;
}
