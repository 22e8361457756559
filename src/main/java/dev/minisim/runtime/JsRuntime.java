package dev.minisim.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One mini-program's GraalJS context with MiniSim's bootstrap installed: console, timers, modules,
 * App/Page/Component, the {@code my}/{@code wx} bridge. The bootstrap talks to Java through a
 * single host object (its {@code @HostAccess.Export} methods are all the script can reach) and
 * leaves its entry points on an internal object that Java calls through {@link #world()}.
 *
 * <p>Owner thread only: a context must never be used by two threads.
 */
public final class JsRuntime implements AutoCloseable {

    /**
     * In load order. {@code primordials} comes first: it captures the built-ins every later file
     * uses (see the convention at its top), before anything else, page code above all, can
     * overwrite them. {@code setup} comes last: it removes the globals the page must not see.
     */
    static final List<String> BOOTSTRAP_FILES = List.of("primordials", "inspect", "console", "timers", "random",
            "modules", "framework", "components", "event-channel", "bridge", "cloud", "managers", "selector-query", "automation", "setup");
    /**
     * Read once per process: the shared Engine caches their code for every later context. In a
     * holder of their own, so that starting the head start ({@link #prepareFirst}) does not wait
     * for them: {@link Prewarm} reads them on the first thread while the second builds the Engine.
     */
    private static final class Bootstrap {
        static final List<Source> SOURCES = loadBootstrap();
    }

    /** Prefix of the wrapper that makes a file a CommonJS module; kept on line 1 of the file. */
    private static final String WRAP_HEAD = "(function (exports, require, module, __filename, __dirname, __esm) {";
    private static final String WRAP_TAIL = "\n})";

    private final Context context;
    private final Value rt;
    private final JsEntryPoints world;

    /** A context whose {@code Math.random} is the built-in one. */
    public JsRuntime(Object host) {
        this(host, null);
    }

    /**
     * @param host the bootstrap's one way to Java (its {@code @HostAccess.Export} methods)
     * @param seed when not null, {@code Math.random} is a PRNG seeded from it, so a seeded run
     *             draws the same numbers every time; null keeps the built-in
     */
    public JsRuntime(Object host, Long seed) {
        // the context, rt and the whole bootstrap, maybe made ahead on another thread; then this
        // run's host, bound once before any mini-program code (setup.js: rt.bindHost)
        FreshContexts.Fresh fresh = FreshContexts.take();
        this.context = fresh.context();
        this.rt = fresh.rt();
        this.world = new JsEntryPoints(rt);
        world.bindHost(host, exportedNames(host.getClass()));
        if (seed != null) {
            SplittableRandom words = new SplittableRandom(seed);
            world.seedRandom(words.nextInt(), words.nextInt(), words.nextInt(), words.nextInt());
        }
    }

    /** The names of a host class's {@code @HostAccess.Export} methods, as a JSON array (once per class). */
    private static final ClassValue<String> EXPORTED = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.isAnnotationPresent(org.graalvm.polyglot.HostAccess.Export.class)) {
                    names.add(m.getName());
                }
            }
            StringBuilder json = new StringBuilder("[");
            for (String name : names) {
                json.append(json.length() > 1 ? "," : "").append('"').append(name).append('"');
            }
            return json.append(']').toString();
        }
    };

    static String exportedNames(Class<?> hostClass) {
        return EXPORTED.get(hostClass);
    }

    /**
     * Makes the next runtime's context ahead, on a second thread, and one more after each runtime
     * takes one (at most one waits): for a suite of runs on a machine with a core to spare.
     * Each runtime still gets a context nothing has run in but MiniSim's primordials.
     */
    public static void prepareAhead() {
        FreshContexts.ahead(true);
    }

    /** Makes one context ahead for the first runtime of the process (a cold run's head start). */
    static void prepareFirst() {
        FreshContexts.ahead(false);
    }

    static List<Source> bootstrap() {
        return Bootstrap.SOURCES;
    }

    private static List<Source> loadBootstrap() {
        List<Source> list = new ArrayList<>();
        for (String name : BOOTSTRAP_FILES) {
            try (InputStream in = JsRuntime.class.getResourceAsStream("js/" + name + ".js")) {
                if (in == null) {
                    throw new IllegalStateException("bootstrap script missing: " + name);
                }
                String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                list.add(Source.newBuilder("js", code, "minisim:" + name + ".js").buildLiteral());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(list);
    }

    public Context context() {
        return context;
    }

    /** A member of the bootstrap's internal object (for tests: {@code primordialSources}). */
    Value internal(String name) {
        return rt.getMember(name);
    }

    /** The bootstrap's entry points ({@code rt.createPage}, {@code rt.settle}, ...), typed. */
    public JsWorld world() {
        return world;
    }

    /**
     * Compiles a module's code (already in CommonJS form) into its wrapper function; the source is
     * named by its root-relative path, so errors and stacks show {@code pages/x/x.js:12}.
     */
    public Value compileModule(String path, String commonJs) {
        return context.eval(moduleSource(path, commonJs));
    }

    /** The source of a module's wrapper function, named by the module's root-relative path. */
    public static Source moduleSource(String path, String commonJs) {
        return Source.newBuilder("js", WRAP_HEAD + commonJs + WRAP_TAIL, path).buildLiteral();
    }

    @Override
    public void close() {
        context.close(true);
    }
}
