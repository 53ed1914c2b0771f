package org.schoolgate.posts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;

/**
 * The fingerprint a sign-off is bound to: caption, every image (by its own hash) with the pupils
 * tagged on it or the "no identifiable pupils" declaration, the channels and the schedule. Any edit
 * to any of them gives a different hash, which voids the sign-off.
 */
public final class ContentHash {

    public record Image(String sha256, SortedSet<Long> pupilIds, boolean noIdentifiablePupils) {
    }

    private ContentHash() {
    }

    public static String of(String caption, List<Image> images, SortedSet<Long> channelIds, Instant scheduledAt) {
        StringBuilder sb = new StringBuilder();
        field(sb, caption == null ? "" : caption);
        field(sb, Integer.toString(images.size()));
        for (Image i : images) {
            field(sb, i.sha256());
            field(sb, i.noIdentifiablePupils() ? "none" : i.pupilIds().toString());
        }
        field(sb, channelIds.toString());
        field(sb, scheduledAt == null ? "now" : scheduledAt.toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder sb, String v) {
        sb.append(v.length()).append(':').append(v).append(';');
    }
}
