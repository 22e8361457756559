package dev.minisim.app;

import dev.minisim.program.PageInstance;
import java.util.List;

/** How a page was opened, when its opener holds a channel to it. */
public sealed interface OpenedBy {

    /**
     * By a script's navigateTo: the JS call that holds the opener's end, the names of the
     * {@code events} it gave, and where the call is ({@code file:line}).
     */
    record Navigate(int callId, List<String> events, String source) implements OpenedBy {
    }

    /** By a plugin page of a chain, after the host's {@code jumpTo(plugin://..., events)}. */
    record Plugin(PageInstance from, int eventsKey) implements OpenedBy {
    }
}
