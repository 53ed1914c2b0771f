package org.schoolgate.channels;

import java.util.List;
import java.util.Optional;

/** One page of results and the opaque cursor of the next page (empty on the last page). */
public record Slice<T>(List<T> items, Optional<String> nextCursor) {

    public Slice {
        items = List.copyOf(items);
    }

    public static <T> Slice<T> last(List<T> items) {
        return new Slice<>(items, Optional.empty());
    }
}
