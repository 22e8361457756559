package dev.minisim.app;

import java.util.List;

/**
 * What a face of the simulation (the window, a screenshot) shows of it at one moment, copied on
 * the runtime thread so the UI thread never touches the JS context.
 *
 * @param stack    routes, home first
 * @param data     the top page's data as JSON ("null" for a plugin page)
 * @param methods  the top page's methods, for the buttons that call them
 * @param title    the navigation bar's title
 */
public record ViewState(List<String> stack, String data, List<String> methods, String title) {

    public static final ViewState EMPTY = new ViewState(List.of(), "null", List.of(), "");

    public String top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }
}
