package dev.minisim.app;

import static dev.minisim.app.Json.json;

import dev.minisim.events.EventStream;
import dev.minisim.program.MiniProgram;
import dev.minisim.runtime.JsWorld;
import dev.minisim.runtime.ScriptError;
import dev.minisim.runtime.Watchdog;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;

/**
 * The one way into the mini-program's JS: every call runs as code of a page (the
 * {@linkplain #activePage() active page}, which console lines, JSAPI calls and warnings are
 * filed under), timed by the watchdog, and an error it throws becomes an {@code error} event of
 * that page and goes to App.onError instead of escaping into the simulator.
 */
final class ScriptGuard {

    private final EventStream events;
    private final MiniProgram program;
    private JsWorld world;
    private Watchdog watchdog;
    private String activePage;
    private int errors;
    private boolean inOnError;

    ScriptGuard(EventStream events, MiniProgram program) {
        this.events = events;
        this.program = program;
    }

    /** The context exists: JS can now be run (and App.onError hear errors). */
    void attach(JsWorld world, Watchdog watchdog) {
        this.world = world;
        this.watchdog = watchdog;
    }

    /** The JS world's entry points; null before the run starts. Call them inside {@link #guard}. */
    JsWorld world() {
        return world;
    }

    /**
     * Runs JS for {@code page}: the watchdog times it, and an error it throws is reported as an
     * error of that page (and to App.onError) instead of escaping. Returns null after an error.
     */
    <T> T guard(String page, Supplier<T> body) {
        String saved = activePage;
        activePage = page;
        boolean outermost = watchdog.enter();
        try {
            return body.get();
        } catch (PolyglotException e) {
            if (!outermost) {
                throw e;
            }
            if (e.isInterrupted() || e.isCancelled()) {
                ScriptError where = ScriptError.of(e);
                String what = switch (watchdog.reason()) {
                    case MEMORY -> "script used too much memory and was stopped";
                    case STOPPED -> "script was stopped: what it was run for stopped waiting for it (an endless loop?)";
                    default -> "script ran longer than " + watchdog.budgetMillis() + " ms and was stopped (an endless loop?)";
                };
                report(new ScriptError(what, where.source(), null), page);
            } else if (e.isHostException()) {
                report(new ScriptError("internal simulator error: " + e.asHostException(), null, null), page);
            } else {
                report(ScriptError.of(e), page);
            }
            return null;
        } finally {
            if (outermost) {
                watchdog.exit();
            }
            activePage = saved;
        }
    }

    /** {@link #guard(String, Supplier)} for JS that returns nothing. */
    void guard(String page, Runnable body) {
        guard(page, () -> {
            body.run();
            return null;
        });
    }

    /** A script error of {@code page}: an {@code error} event, then App.onError (never recursively). */
    void report(ScriptError e, String page) {
        errors++;
        events.emit("error", "message", e.message(), "source", e.source(), "page", page, "stack", e.stack());
        program.platform().otherNamespaceHint(e.message(), program.platformSource()).ifPresent(w -> warning(w, e.source()));
        if (inOnError || world == null) {
            return;
        }
        inOnError = true;
        try {
            // App.onError gets the error's own text and stack, as in the client
            String text = e.stack() != null ? e.stack() : e.message();
            guard(page, () -> world.callAppHook("onError", json(text)));
        } catch (PolyglotException again) {
            // App.onError threw (or was stopped) while the error is handled: the nested guard hands
            // it up, but nothing above this catch would handle it; it would end the runtime thread
            ScriptError inHook = ScriptError.of(again);
            errors++;
            events.emit("error", "message", "App.onError threw: " + inHook.message(), "source", inHook.source(),
                    "page", page, "stack", inHook.stack());
        } finally {
            inOnError = false;
        }
    }

    /** An error of the mini-program that is not a thrown exception (a missing page file). */
    void error(String message, String source, String page) {
        report(new ScriptError(message, source, null), page);
    }

    /** A warning of the active page. */
    void warning(String message, String source) {
        events.emit("warning", "message", message, "source", source, "page", activePage);
    }

    /** The page whose code runs now (null: app code, or none). */
    String activePage() {
        return activePage;
    }

    /** What follows runs as code of {@code page}; returns the page it replaced, for {@link #leave}. */
    String enter(String page) {
        String saved = activePage;
        activePage = page;
        return saved;
    }

    /** Back to the page {@link #enter} replaced. */
    void leave(String saved) {
        activePage = saved;
    }

    /** Errors reported so far. */
    int errors() {
        return errors;
    }
}
