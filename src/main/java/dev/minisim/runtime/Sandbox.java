package dev.minisim.runtime;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The one policy every mini-program context is built by, and the one Engine they share.
 *
 * <p>The script is untrusted: it sees no Java class ({@link HostAccess#EXPLICIT}, and host class
 * lookup is never enabled, since even a refusing predicate creates the {@code Java} global), no
 * file system (modules are read by MiniSim from inside the mini-program folder and handed over as
 * sources), no thread, process, native code, environment or other language. Sharing the Engine
 * keeps parsed sources and the language's own initialisation, so a second context is cheap.
 */
public final class Sandbox {

    private Sandbox() {
    }

    private static final class Shared {
        static final Engine ENGINE = Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    public static Engine engine() {
        return Shared.ENGINE;
    }

    public static Context newContext() {
        return Context.newBuilder("js")
                .engine(engine())
                .allowHostAccess(HostAccess.EXPLICIT)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowValueSharing(false)
                .allowExperimentalOptions(true)
                .option("js.load", "false")
                .option("js.java-package-globals", "false")
                .option("js.polyglot-builtin", "false")
                .option("js.print", "false")
                .option("js.console", "false")
                // the Graal builtin is kept only long enough for the bootstrap to take its
                // unhandled-rejection hook; the bootstrap then deletes the global
                .option("js.unhandled-rejections", "handler")
                .option("js.locale", "zh-CN")
                .option("js.timezone", "Asia/Shanghai")
                .build();
    }
}
