package dev.minisim.ui;

import dev.minisim.app.ViewState;
import dev.minisim.events.Event;
import dev.minisim.frame.Frame;
import dev.minisim.user.PersonDecisions;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state as plain properties, fed by the event stream (the same events the
 * transcript is written from). FX thread only; the controller binds to it, tests read it.
 */
public final class SimulatorModel {

    /** A prompt on screen: the prompt event, and the person's answer when the person decides it. */
    public record Card(Event event, PersonDecisions.Pending pending) {
        public String kind() {
            return event.str("kind");
        }

        public Card withPending(PersonDecisions.Pending p) {
            return new Card(event, p);
        }
    }

    private static final Set<String> LIFECYCLE_HOOKS = Set.of("onLoad", "onShow", "onReady", "onHide", "onUnload");

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty route = new SimpleStringProperty("");
    private final StringProperty data = new SimpleStringProperty("null");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty toast = new SimpleStringProperty(null);
    private final ObservableList<String> stack = FXCollections.observableArrayList();
    private final ObservableList<String> methods = FXCollections.observableArrayList();
    private final ObservableList<Event> timeline = FXCollections.observableArrayList();
    private final ObservableList<Event> console = FXCollections.observableArrayList();
    private final ObservableList<Event> transcript = FXCollections.observableArrayList();
    private final java.util.List<Event> transcriptLog = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ObjectProperty<Card> card = new SimpleObjectProperty<>();
    private final ObjectProperty<Event> alert = new SimpleObjectProperty<>();
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>(Frame.NONE);
    private final ObjectProperty<ViewState.Element> tree = new SimpleObjectProperty<>();
    private PersonDecisions.Pending waiting;

    public void apply(Event e, ViewState state) {
        transcript.add(e);
        transcriptLog.add(e);
        switch (e.type()) {
            case "channel", "navigate" -> timeline.add(e);
            case "console", "error", "warning" -> console.add(e);
            case "ui" -> {
                if ("alert".equals(e.str("kind"))) {
                    alert.set(e);
                } else if ("toast".equals(e.str("kind")) || "loading".equals(e.str("kind"))) {
                    toast.set(Boolean.TRUE.equals(e.get("hidden")) ? null
                            : e.str("content") != null ? e.str("content") : e.str("title"));
                }
            }
            case "prompt" -> {
                Card c = new Card(e, null);
                if (waiting != null && waiting.prompt().kind().equals(c.kind())) {
                    c = c.withPending(waiting);
                    waiting = null;
                }
                card.set(c);
            }
            case "decision" -> card.set(null);
            case "step" -> {
                toast.set(null);
                alert.set(null);
            }
            case "end" -> status.set("ended: " + e.str("status"));
            default -> { }
        }
        if (e.type().equals("error")) {
            status.set("error: " + e.str("message"));
        }
        if (state != null) {
            show(state);
        }
    }

    /** The person's prompt arrives right after its prompt event (or before, from another thread). */
    public void pending(PersonDecisions.Pending p) {
        Card c = card.get();
        if (c != null && c.pending() == null && c.kind().equals(p.prompt().kind())) {
            card.set(c.withPending(p));
        } else {
            waiting = p;
        }
    }

    public void show(ViewState s) {
        stack.setAll(s.stack());
        route.set(s.top() == null ? "" : s.top());
        title.set(s.title());
        frame.set(s.frame());
        tree.set(s.tree());
        data.set(s.data());
        List<String> visible = s.methods().stream().filter(m -> !LIFECYCLE_HOOKS.contains(m)).toList();
        if (!visible.equals(methods)) {
            methods.setAll(visible);
        }
    }

    public void reset() {
        transcript.clear();
        transcriptLog.clear();
        timeline.clear();
        console.clear();
        stack.clear();
        methods.clear();
        card.set(null);
        alert.set(null);
        toast.set(null);
        waiting = null;
        data.set("null");
        status.set("");
        frame.set(Frame.NONE);
        tree.set(null);
    }

    public StringProperty title() {
        return title;
    }

    /** The navigation bar and tab bar around the top page. */
    public ObjectProperty<Frame> frame() {
        return frame;
    }

    /** The top page's rendered tree (null for a plugin page or before the first render). */
    public ObjectProperty<ViewState.Element> tree() {
        return tree;
    }

    public StringProperty route() {
        return route;
    }

    public StringProperty data() {
        return data;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty toast() {
        return toast;
    }

    public ObservableList<String> stack() {
        return stack;
    }

    public ObservableList<String> methods() {
        return methods;
    }

    public ObservableList<Event> timeline() {
        return timeline;
    }

    public ObservableList<Event> console() {
        return console;
    }

    public ObservableList<Event> transcript() {
        return transcript;
    }

    /**
     * The transcript so far, as a copy any thread may read: {@link #transcript()} belongs to the
     * FX thread, and reading it from another while an event lands throws (a test that polled it
     * from its own thread failed that way, now and then).
     */
    public java.util.List<Event> transcriptSnapshot() {
        return java.util.List.copyOf(transcriptLog);
    }

    public ObjectProperty<Card> card() {
        return card;
    }

    /** An alert on screen (my.alert): its callback has run already; OK only closes it. */
    public ObjectProperty<Event> alert() {
        return alert;
    }
}
