package dev.minisim.ui;

import java.lang.reflect.Method;
import javafx.application.Platform;

/**
 * A pulse right after a patch, instead of at the toolkit's next tick. JavaFX draws on pulses, and
 * its pulse timer ticks at a fixed rate (every 16 ms; under Monocle it never pauses), whatever
 * happens between ticks: a tap's patch that lands just after a tick waited up to a whole frame
 * before anything drew it ({@link Platform#requestNextPulse} only marks the next tick as needed).
 * Here the FX thread runs that pulse itself, as the toolkit's own queued pulse would run it: the
 * same {@code pulseFromQueue} (animations, CSS, layout, the WebView's render queues, the scene's
 * sync, then the frame handed to the render thread), under the same "a pulse is running" flag, so
 * a tick that comes meanwhile is dropped rather than run twice.
 *
 * <p>That entry point is JavaFX's internal toolkit API, reached by reflection (the window runs
 * JavaFX from the class path, so nothing is sealed). Where it is not there (another toolkit, a
 * later JavaFX), {@link #now} only asks for the next pulse and the patch is drawn at the next tick,
 * as before. FX thread only.
 */
final class FramePulse {

    private static final Object TOOLKIT;
    private static final Method SET_PULSE_RUNNING;
    private static final Method PULSE_FROM_QUEUE;
    private static final Method CAN_START_NESTED_LOOP;
    private static final Method ADD_RENDER_JOB;
    private static final java.lang.reflect.Constructor<?> RENDER_JOB;

    static {
        Object tk = null;
        Method running = null;
        Method pulse = null;
        Method nested = null;
        Method addJob = null;
        java.lang.reflect.Constructor<?> job = null;
        if (!"false".equals(System.getProperty("minisim.pulseNow"))) {
            try {
                Class<?> toolkit = Class.forName("com.sun.javafx.tk.Toolkit");
                tk = toolkit.getMethod("getToolkit").invoke(null);
                running = tk.getClass().getDeclaredMethod("setPulseRunning");
                pulse = tk.getClass().getDeclaredMethod("pulseFromQueue");
                nested = toolkit.getMethod("canStartNestedEventLoop");
                running.setAccessible(true);
                pulse.setAccessible(true);
                Class<?> renderJob = Class.forName("com.sun.javafx.tk.RenderJob");
                addJob = toolkit.getMethod("addRenderJob", renderJob);
                job = renderJob.getConstructor(Runnable.class);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                running = null;
                pulse = null;
                addJob = null;
            }
        }
        TOOLKIT = tk;
        SET_PULSE_RUNNING = running;
        PULSE_FROM_QUEUE = pulse;
        CAN_START_NESTED_LOOP = nested;
        ADD_RENDER_JOB = addJob;
        RENDER_JOB = job;
    }

    private FramePulse() {
    }

    /**
     * Runs a pulse now when none is running or queued (a queued one comes next anyway, and inside
     * a pulse, e.g. from an animation's handler, the change is already in this pulse's frame).
     * Returns whether it ran one; otherwise the next pulse is asked for.
     */
    static boolean now() {
        Platform.requestNextPulse();
        if (PULSE_FROM_QUEUE == null || !Platform.isFxApplicationThread()) {
            return false;
        }
        try {
            if (!(Boolean) CAN_START_NESTED_LOOP.invoke(TOOLKIT)) {
                return false; // inside a pulse
            }
            if ((Boolean) SET_PULSE_RUNNING.invoke(TOOLKIT)) {
                return false; // the timer's pulse is queued: it runs next
            }
            // clears the flag when the pulse is over
            PULSE_FROM_QUEUE.invoke(TOOLKIT);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs {@code done} on the render thread after the frames handed to it so far are rendered
     * (the render thread runs its jobs in order); false when that is not available.
     */
    static boolean afterRendered(Runnable done) {
        if (ADD_RENDER_JOB == null) {
            return false;
        }
        try {
            ADD_RENDER_JOB.invoke(TOOLKIT, RENDER_JOB.newInstance(done));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
