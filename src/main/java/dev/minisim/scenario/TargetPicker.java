package dev.minisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minisim.view.Selector;
import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a CONTRACT TARGET for an element the user touched, the most stable one that resolves back
 * to that very element: {@code "#id"}, else the tag with the element's text
 * ({@code {"selector": "button", "text": "Sign"}}), else tag and classes, else tag and
 * {@code [name=...]}, else the tag; each with the {@code index} that picks it, preferring a
 * target that needs none. Every candidate is checked by resolving it with the scenario's own
 * rules ({@link Selector#find}) against the tree of that moment, so a replay, which reaches the
 * same tree, taps the same element.
 */
final class TargetPicker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Names a selector can carry as they are (ids, classes, attribute values). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    /** Longer texts make unreadable steps; the other candidates serve then. */
    private static final int MAX_TEXT = 40;
    /** How far an index is searched: beyond it a target is too brittle to be worth writing. */
    private static final int MAX_INDEX = 500;

    private record Candidate(String selector, String text) {
    }

    private TargetPicker() {
    }

    /**
     * A target for a gesture on {@code element}; empty when none resolves to it (it is hidden). A
     * tap names what the person saw ({@code #id}, else the tag with its text); typing and changing
     * a control name the control ({@code #id}, {@code [name=...]}, its classes, its tag), since a
     * field's or picker's text is its value, which the step itself changes.
     */
    static Optional<JsonNode> forAction(VElement root, VElement element, boolean tap) {
        List<Candidate> candidates = new ArrayList<>();
        String tag = element.tag();
        if (NAME.matcher(element.id()).matches()) {
            candidates.add(new Candidate("#" + element.id(), null));
        }
        String text = element.text();
        Candidate withText = !text.isEmpty() && text.length() <= MAX_TEXT ? new Candidate(tag, text) : null;
        if (tap && withText != null) {
            candidates.add(withText);
        }
        String name = element.attr("name");
        if (NAME.matcher(name).matches()) {
            candidates.add(new Candidate(tag + "[name=" + name + "]", null));
        }
        String classes = classes(element);
        if (!classes.isEmpty()) {
            candidates.add(new Candidate(tag + classes, null));
        }
        candidates.add(new Candidate(tag, null));
        if (!tap && withText != null) {
            candidates.add(withText);
        }
        return best(root, element, candidates);
    }

    /**
     * A target for a {@code see} step on {@code element}: always with its text, so the replay checks
     * what was shown and not only that the element exists.
     */
    static Optional<JsonNode> forSee(VElement root, VElement element) {
        String text = element.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        if (NAME.matcher(element.id()).matches()) {
            candidates.add(new Candidate("#" + element.id(), text));
        }
        String classes = classes(element);
        if (!classes.isEmpty()) {
            candidates.add(new Candidate(element.tag() + classes, text));
        }
        candidates.add(new Candidate(element.tag(), text));
        candidates.add(new Candidate(null, text));
        return best(root, element, candidates);
    }

    /** The first candidate that needs no index, else the first that resolves at all. */
    private static Optional<JsonNode> best(VElement root, VElement element, List<Candidate> candidates) {
        for (Candidate c : candidates) {
            if (indexOf(root, c, element) == 0) {
                return Optional.of(node(c, 0));
            }
        }
        for (Candidate c : candidates) {
            int i = indexOf(root, c, element);
            if (i > 0) {
                return Optional.of(node(c, i));
            }
        }
        return Optional.empty();
    }

    /** Which match of {@code c} (CONTRACT: Nth in document order among the visible) is {@code element}; -1: none. */
    static int indexOf(VElement root, Candidate c, VElement element) {
        for (int i = 0; i < MAX_INDEX; i++) {
            Optional<VElement> found = Selector.find(root, c.selector(), c.text(), i);
            if (found.isEmpty()) {
                return -1;
            }
            if (found.get() == element) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode node(Candidate c, int index) {
        if (c.text() == null && index == 0) {
            return NODES.textNode(c.selector());
        }
        ObjectNode o = NODES.objectNode();
        if (c.selector() != null) {
            o.put("selector", c.selector());
        }
        if (c.text() != null) {
            o.put("text", c.text());
        }
        if (index > 0) {
            o.put("index", index);
        }
        return o;
    }

    /** {@code .a.b} for the element's classes a selector can name as they are. */
    private static String classes(VElement element) {
        StringBuilder sb = new StringBuilder();
        for (String c : element.attr("class").trim().split("\\s+")) {
            if (NAME.matcher(c).matches()) {
                sb.append('.').append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the element shows text of its own (a text node directly in it), not only its children's. */
    static boolean holdsText(VElement element) {
        for (VNode c : element.children()) {
            if (c instanceof dev.minisim.view.VText t && !t.text().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code element} is the deepest holder of its text (no child element shows the same
     * text): the element a reader sees the text in.
     */
    static boolean deepestWithText(VElement element) {
        String text = element.text();
        for (VNode c : element.children()) {
            if (c instanceof VElement child && child.text().equals(text)) {
                return false;
            }
        }
        return true;
    }
}
