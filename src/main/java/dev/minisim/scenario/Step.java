package dev.minisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.screen.Target;
import java.util.List;

/** One step of a scenario (CONTRACT.md), with its position for messages. */
public sealed interface Step {

    /** 1-based index in "steps" and the line it starts on in the scenario file. */
    int index();

    int line();

    /** The step as written, for the transcript. */
    JsonNode source();

    /** Call a method of the top page with these arguments. */
    record Call(int index, int line, JsonNode source, String method, List<Object> args) implements Step {
    }

    /** Tap an element of the rendered page. */
    record Tap(int index, int line, JsonNode source, Target target) implements Step {
    }

    /** Type into an input or textarea: {@code input} fires with this value. */
    record Input(int index, int line, JsonNode source, Target target, String value) implements Step {
    }

    /** A picker, slider, switch, checkbox-group, radio-group, swiper... fires {@code change} with this value. */
    record Change(int index, int line, JsonNode source, Target target, Object value) implements Step {
    }

    /** The element is (or, with {@code present} false, is not) on the page and visible. */
    record See(int index, int line, JsonNode source, Target target, boolean present) implements Step {
    }

    /** Let simulated time pass. */
    record Wait(int index, int line, JsonNode source, long millis) implements Step {
    }

    /** The user goes back this many pages. */
    record Back(int index, int line, JsonNode source, int pages) implements Step {
    }

    /**
     * The user taps a tab of the native tab bar (app.json {@code tabBar}), by its index or its text:
     * the current tab page's {@code onTabItemTap}, then switchTab (a MiniSim extension of the
     * contract's steps; a custom tab bar is the page's own elements: {@code tap} them).
     */
    record Tab(int index, int line, JsonNode source, Integer tab, String text) implements Step {
    }

    /**
     * A transcript event with these fields (subset match) must have happened by now; with
     * {@code times}, exactly that many such events (0: none).
     */
    record Expect(int index, int line, JsonNode source, JsonNode fields, Integer times) implements Step {
    }
}
