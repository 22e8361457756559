package dev.minisim.runtime;

import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one policy every mini-program context is built by, and the one Engine they share.
 *
 * <p>The script is untrusted. Both builders run under {@link SandboxPolicy#CONSTRAINED}, which
 * GraalJS checks when the Engine and each Context are built: a builder that asks for IO, processes,
 * native access, environment access, host class loading, a host access wider than
 * {@link HostAccess#CONSTRAINED} (all access, or JS implementing Java interfaces), an option only
 * allowed under TRUSTED, or standard streams that reach the terminal fails at build time instead of
 * quietly widening what the page can reach. The policy does not check host class lookup, threads
 * or polyglot access: this builder turns threads and polyglot access off itself and never enables
 * host class lookup, and SandboxTest checks the effect ({@code Java}, {@code Polyglot}
 * undefined). In detail:
 * <ul>
 *   <li>{@link HostAccess#CONSTRAINED}: the script sees only the {@code @HostAccess.Export} methods
 *       of the one host object the bootstrap receives; host class lookup is never enabled (even a
 *       refusing predicate creates the {@code Java} global);</li>
 *   <li>no experimental option at all ({@code allowExperimentalOptions} is never called): the
 *       options below are the stable ones CONSTRAINED accepts; {@code Packages}, {@code java},
 *       {@code Polyglot} and {@code Java} do not exist without host class lookup and polyglot
 *       access, so the experimental switches that used to remove them are not needed;</li>
 *   <li>{@code js.load}, {@code js.print}, {@code js.console} off: the loader and the shell's
 *       printing are not for pages; MiniSim's own {@code console} (console.js) replaces them;</li>
 *   <li>{@code js.unhandled-rejections=handler}: the bootstrap takes the {@code Graal} global's
 *       hook for unhandled rejections (setup.js), then deletes that global;</li>
 *   <li>the clients' locale and time zone (zh-CN, Asia/Shanghai), the same on every machine;
 *       the zone goes through {@link Context.Builder#timeZone}, since the {@code js.timezone}
 *       option is allowed only up to TRUSTED;</li>
 *   <li>standard output and error go nowhere (CONSTRAINED requires them redirected; nothing
 *       writes there once print and console are off).</li>
 * </ul>
 * {@link #OPTIONS} is the complete list, checked by SandboxTest.
 *
 * <p>Sharing the Engine keeps parsed sources and the language's own initialisation, so a second
 * context is cheap.
 */
public final class Sandbox {

    /** The sandbox policy of the Engine and of every context. */
    public static final SandboxPolicy POLICY = SandboxPolicy.CONSTRAINED;

    /** Every language option a context is built with; nothing else is set. */
    public static final Map<String, String> OPTIONS = Map.of(
            "js.load", "false",
            "js.print", "false",
            "js.console", "false",
            "js.unhandled-rejections", "handler",
            "js.locale", "zh-CN");

    /** The clients' time zone, so {@code new Date().getHours()} is the same on every machine. */
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Shanghai");

    private Sandbox() {
    }

    private static final class Shared {
        static final Engine ENGINE = Engine.newBuilder("js")
                .sandbox(POLICY)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    public static Engine engine() {
        return Shared.ENGINE;
    }

    public static Context newContext() {
        return Context.newBuilder("js")
                .engine(engine())
                .sandbox(POLICY)
                .allowHostAccess(HostAccess.CONSTRAINED)
                // the policy's defaults, spelled out so the list reads complete here
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowValueSharing(false)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .timeZone(TIME_ZONE)
                .options(OPTIONS)
                .build();
    }
}
