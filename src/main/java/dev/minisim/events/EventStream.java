package dev.minisim.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The single stream of everything a run does. The transcript writer, the window and the tests all
 * read it; nothing in MiniSim prints a log of its own.
 *
 * <p>Events are appended from the runtime thread; listeners are called on that thread, in order,
 * and must hand work to their own thread if they have one (the window does).
 */
public final class EventStream {

    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier clock;
    private long seq;

    public EventStream(LongSupplier clock) {
        this.clock = clock;
    }

    public void subscribe(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** Appends an event; {@code keyValues} alternate field names and values, nulls skipped. */
    public Event emit(String type, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                fields.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return emit(type, fields);
    }

    public Event emit(String type, Map<String, Object> fields) {
        Event e;
        synchronized (this) {
            e = new Event(++seq, clock.getAsLong(), type, fields);
            events.add(e);
        }
        for (Consumer<Event> l : listeners) {
            l.accept(e);
        }
        return e;
    }

    /** A copy of everything so far, oldest first. */
    public synchronized List<Event> snapshot() {
        return List.copyOf(events);
    }

    public synchronized long count(String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }
}
