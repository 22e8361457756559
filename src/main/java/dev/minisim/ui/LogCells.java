package dev.minisim.ui;

import static dev.minisim.ui.DataPanel.label;
import static dev.minisim.ui.DataPanel.shortRoute;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minisim.events.Event;
import dev.minisim.events.TranscriptWriter;
import java.io.IOException;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/** The rows of the Console, Events and Transcript panels. */
final class LogCells {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogCells() {
    }

    /** An emit as an arrow between its two pages; a navigation a plugin or an API caused. */
    static final class Timeline extends ListCell<Event> {
        @Override
        protected void updateItem(Event e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            Label time = label(e.t() + " ms", "tl-time");
            HBox row;
            if (e.type().equals("channel")) {
                int heard = e.get("delivered") instanceof Number n ? n.intValue() : 0;
                String state = Boolean.TRUE.equals(e.get("closed")) ? "closed channel"
                        : Boolean.TRUE.equals(e.get("queued")) ? "kept until a listener registers"
                        : (Boolean.TRUE.equals(e.get("replayed")) ? "replayed, " : "") + heard + (heard == 1 ? " listener" : " listeners");
                row = new HBox(6, time, label(shortRoute(e.str("from")), "tl-route"), label("──", "tl-arrow"),
                        label(e.str("event"), "tl-event"), label("──▶", "tl-arrow"), label(shortRoute(e.str("to")), "tl-route"),
                        label(argsText(e.get("args")), "tl-args"), label(state, heard > 0 ? "tl-heard" : "tl-unheard"));
            } else {
                row = new HBox(6, time, label("⇢ " + e.str("action"), "tl-nav"),
                        label(e.get("from") == null ? "—" : shortRoute(e.str("from")), "tl-route"),
                        label("→", "tl-arrow"), label(shortRoute(String.valueOf(e.get("to"))), "tl-route"),
                        label(e.get("url") == null ? "" : e.str("url"), "tl-args"));
            }
            setGraphic(row);
        }

        private static String argsText(Object args) {
            if (args instanceof List<?> l && l.isEmpty()) {
                return "()";
            }
            try {
                String s = JSON.writeValueAsString(args);
                return s.length() > 80 ? s.substring(0, 77) + "…" : s;
            } catch (IOException ex) {
                return String.valueOf(args);
            }
        }
    }

    /** A console line: level, page, text, file:line; errors in red, warnings in amber. */
    static final class Console extends ListCell<Event> {
        @Override
        protected void updateItem(Event e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            String level = e.type().equals("console") ? e.str("level") : e.type();
            String text = e.type().equals("console") ? e.str("text") : e.str("message");
            Label msg = label(text, level.equals("error") ? "log-error" : level.startsWith("warn") ? "log-warn" : "tl-event");
            msg.setWrapText(true);
            msg.setMaxWidth(620);
            Label meta = label(level + " · " + (e.get("page") == null ? "app" : e.str("page"))
                    + (e.get("source") == null ? "" : " · " + e.str("source")) + " · " + e.t() + " ms", "log-meta");
            setGraphic(new javafx.scene.layout.VBox(1, msg, meta));
        }
    }

    /** A transcript line as JSON. */
    static final class Transcript extends ListCell<Event> {
        @Override
        protected void updateItem(Event e, boolean empty) {
            super.updateItem(e, empty);
            setText(empty || e == null ? null : TranscriptWriter.toJson(e));
        }
    }
}
