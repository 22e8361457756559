package dev.minisim.ui;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Ends JavaFX the way an application does when the test session closes, instead of leaving the
 * toolkit, its WebKit pages and their timers running into the JVM's exit.
 *
 * <p>Why: one CI run (stop 18) passed all 773 tests and then its test JVM died with only
 * "Aborted" on the console, a native abort during exit. The window's tests keep WebKit pages alive
 * to the end; {@link FxPlatform#shutdown} (which `minisim` itself now calls before exiting) says
 * why that exit is the risky one. {@code .ci/run} prints the fork's dump stream and any hs_err
 * file should it happen again.
 */
public final class FxSessionEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        FxPlatform.shutdown();
    }
}
