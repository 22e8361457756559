package dev.minisim.screen;

import dev.minisim.view.VElement;

/**
 * Something the user did to an element of the rendered page — a tap, typing into a field, a
 * control changed — as {@link Screen} hands it to whoever watches (the session recorder), after
 * the element was found and before its events are dispatched. Every gesture passes through here,
 * whether a scenario step, the automation protocol or a click in the window caused it.
 *
 * @param kind    {@code tap}, {@code input} or {@code change} (the scenario step it would be)
 * @param route   the page's route
 * @param root    the page's rendered tree at that moment
 * @param element the element acted on (before a tap lands inside a custom component)
 * @param value   what was typed or the control's new value; null for a tap
 * @param at      the run's clock (ms since launch)
 */
public record Gesture(String kind, String route, VElement root, VElement element, Object value, long at) {
}
