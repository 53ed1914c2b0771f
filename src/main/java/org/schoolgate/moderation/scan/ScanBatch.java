package org.schoolgate.moderation.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.moderation.Verdict;

/** Comments read and classified but not yet written: one bulk insert, one transaction. */
final class ScanBatch {

    /** One comment with its verdict and the address it was given. */
    record Entry(PlatformComment comment, Verdict verdict, String permalink) {
    }

    final long runId;
    final long schoolId;
    final long channelId;
    final List<Entry> entries = new ArrayList<>();
    final Map<String, PlatformPost> posts = new LinkedHashMap<>();

    ScanBatch(long runId, long schoolId, long channelId) {
        this.runId = runId;
        this.schoolId = schoolId;
        this.channelId = channelId;
    }

    void add(PlatformPost post, PlatformComment comment, Verdict verdict, String permalink) {
        posts.putIfAbsent(post.id(), post);
        entries.add(new Entry(comment, verdict, permalink));
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
