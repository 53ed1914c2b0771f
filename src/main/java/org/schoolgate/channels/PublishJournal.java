package org.schoolgate.channels;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a connector writes down each step of a publication before taking the next one, so a
 * restart resumes (Instagram container id) and a retry never posts twice (platform post id).
 */
public interface PublishJournal {

    record Entry(String idempotencyKey, Optional<String> containerId, Optional<String> platformPostId,
                 Optional<URI> permalink) {
    }

    Optional<Entry> find(String idempotencyKey);

    void containerCreated(String idempotencyKey, String containerId);

    void published(String idempotencyKey, String platformPostId, Optional<URI> permalink);

    /** For tests and the benchmark: a journal that lives as long as the object. */
    static PublishJournal inMemory() {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        return new PublishJournal() {
            public Optional<Entry> find(String key) {
                return Optional.ofNullable(entries.get(key));
            }

            public void containerCreated(String key, String containerId) {
                entries.put(key, new Entry(key, Optional.of(containerId), Optional.empty(), Optional.empty()));
            }

            public void published(String key, String postId, Optional<URI> permalink) {
                Optional<String> container = find(key).flatMap(Entry::containerId);
                entries.put(key, new Entry(key, container, Optional.of(postId), permalink));
            }
        };
    }
}
