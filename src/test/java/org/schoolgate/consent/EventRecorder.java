package org.schoolgate.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the consent events the posts' retro-sweep will observe, so tests can see they were fired. */
@ApplicationScoped
public class EventRecorder {

    final List<Object> events = new CopyOnWriteArrayList<>();

    void withdrawn(@Observes ConsentEvents.ConsentWithdrawn e) {
        events.add(e);
    }

    void expired(@Observes ConsentEvents.ConsentExpired e) {
        events.add(e);
    }

    void left(@Observes ConsentEvents.PupilLeft e) {
        events.add(e);
    }

    <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
