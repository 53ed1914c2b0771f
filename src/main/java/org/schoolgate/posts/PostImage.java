package org.schoolgate.posts;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import org.hibernate.annotations.SortNatural;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One sanitised picture of a post (metadata already stripped) and who is on it: the pupils tagged, or
 * the drafter's declaration that no pupil can be identified. The bytes are in {@link PostImageData}.
 */
@Entity
public class PostImage extends PanacheEntity {

    @Column(nullable = false)
    public long schoolId;

    @Column(nullable = false)
    public long postId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public boolean noIdentifiablePupils;

    @ElementCollection(fetch = FetchType.EAGER)
    @SortNatural
    @CollectionTable(name = "post_image_pupil", joinColumns = @JoinColumn(name = "image_id"))
    @Column(name = "pupil_id")
    public SortedSet<Long> pupilIds = new TreeSet<>();

    @Column(nullable = false)
    public Instant createdAt;

    public boolean tagged() {
        return noIdentifiablePupils || !pupilIds.isEmpty();
    }

    ContentHash.Image forHash() {
        return new ContentHash.Image(sha256, new TreeSet<>(pupilIds), noIdentifiablePupils);
    }

    public String fileName() {
        return "picture-" + position + ("image/png".equals(mediaType) ? ".png" : ".jpg");
    }
}
