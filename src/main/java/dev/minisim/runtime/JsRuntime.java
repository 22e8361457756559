package dev.minisim.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * One mini-program's GraalJS context with MiniSim's bootstrap installed: console, timers, modules,
 * App/Page/Component, the {@code my}/{@code wx} bridge. The bootstrap talks to Java through a
 * single host object (its {@code @HostAccess.Export} methods are all the script can reach) and
 * leaves its entry points on an internal object that Java calls through {@link #call}.
 *
 * <p>Owner thread only: a context must never be used by two threads.
 */
public final class JsRuntime implements AutoCloseable {

    private static final String[] BOOTSTRAP_FILES =
            {"inspect", "console", "timers", "modules", "framework", "components", "event-channel", "bridge", "cloud", "managers", "setup"};
    /** Parsed once per process: the shared Engine caches their code for every later context. */
    private static final List<Source> BOOTSTRAP = loadBootstrap();

    /** Prefix of the wrapper that makes a file a CommonJS module; kept on line 1 of the file. */
    private static final String WRAP_HEAD = "(function (exports, require, module, __filename, __dirname, __esm) {";
    private static final String WRAP_TAIL = "\n})";

    private final Context context;
    private final Value rt;

    public JsRuntime(Object host) {
        this.context = Sandbox.newContext();
        this.rt = context.eval("js", "({})");
        for (Source s : BOOTSTRAP) {
            context.eval(s).execute(host, rt);
        }
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

    /** Parses the bootstrap in {@code context}, which puts it in the shared Engine's cache. */
    static void parseBootstrap(Context context) {
        for (Source s : BOOTSTRAP) {
            context.parse(s);
        }
    }

    public Context context() {
        return context;
    }

    /** Calls a bootstrap entry point ({@code rt.createPage}, {@code rt.settle}, ...). */
    public Value call(String function, Object... args) {
        return rt.invokeMember(function, args);
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
