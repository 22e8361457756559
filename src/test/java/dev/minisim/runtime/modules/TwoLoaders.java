package dev.minisim.runtime.modules;

import dev.minisim.runtime.JsRuntime;
import dev.minisim.runtime.ModuleFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One module file run two ways, for the differential test: by MiniSim (its transform and its real
 * loader, modules.js) and by GraalJS as a native ES module. Both contexts get the same recording
 * console and the same App/Page/Component stubs, and report the same thing: the console lines, the
 * module's exports and what it registered, each formatted by one shared JS function.
 *
 * <p>Native ES modules cannot load CommonJS, so the native side serves a CommonJS file as an ES
 * module whose default export is its {@code module.exports} (exactly what SPEC says an import of
 * a CommonJS file gets), and gives the script a synchronous {@code require} for CommonJS files.
 */
final class TwoLoaders {

    private static final Pattern MODULE_SYNTAX = Pattern.compile("(?m)^\\s*(?:import\\s*[\\w{*'\"]|export\\b)");

    private static final String PRELUDE = """
            (function () {
              const lines = [];
              const fmt = (v, d) => {
                if (typeof v === 'function') return 'function ' + v.name;
                if (typeof v === 'string') return d ? JSON.stringify(v) : v;
                if (v === null || typeof v !== 'object') return String(v);
                if (d > 2) return '{...}';
                if (Array.isArray(v)) return '[' + v.map((x) => fmt(x, d + 1)).join(',') + ']';
                return '{' + Object.keys(v).sort().map((k) => k + ':' + fmt(v[k], d + 1)).join(',') + '}';
              };
              const log = (...args) => { lines.push(args.map((a) => fmt(a, 0)).join(' ')); };
              globalThis.console = { log, info: log, warn: log, error: log, debug: log };
              const registered = [];
              globalThis.App = (o) => { registered.push('App ' + fmt(o, 1)); };
              globalThis.Page = (o) => { registered.push('Page ' + fmt(o, 1)); };
              globalThis.Component = (o) => { registered.push('Component ' + fmt(o, 1)); };
              globalThis.getApp = () => ({ globalData: {} });
              // the same clock on both sides
              const RealDate = Date;
              const T = 1700000000000;
              globalThis.Date = class Date extends RealDate {
                constructor(...a) { if (a.length) super(...a); else super(T); }
                static now() { return T; }
              };
              globalThis.Behavior = (o) => o;
              // wx: anything, callable, to any depth (public code calls it at the top level)
              // and bounded, so that a loop over it ends (with the same error on both sides)
              let uses = 0;
              const use = () => { if (++uses > 10000) throw new Error('wx stub used too often'); };
              const any = new Proxy(function wx() {}, {
                get: (t, k) => (use(), k === Symbol.toPrimitive ? () => 0 : k === 'then' || typeof k === 'symbol' ? undefined : any),
                apply: () => (use(), any),
                construct: () => (use(), any),
              });
              globalThis.wx = any;
              globalThis.requirePlugin = () => any;
              return (exports) => {
                const out = lines.slice();
                out.push('exports ' + fmt(exports, 1));
                for (const r of registered) out.push(r);
                return out;
              };
            })()
            """;

    private TwoLoaders() {
    }

    /** What MiniSim makes of {@code file} (root-relative), loaded by its own module loader. */
    static List<String> miniSim(Path root, String file) {
        ModuleFiles files = new ModuleFiles(root);
        try (Context ctx = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            // modules.js takes its built-ins from primordials.js, which runs first in every context
            // (before the prelude's stubs, as in MiniSim, where it runs before any page code)
            Value rt = ctx.eval("js", "({})");
            ctx.eval(Source.newBuilder("js", resource("primordials.js"), "minisim:primordials.js").buildLiteral())
                    .execute(ctx.eval("js", "({})"), rt);
            Value report = ctx.eval("js", PRELUDE);
            Value host = ctx.eval("js", "({})");
            host.putMember("resolveModule", (ProxyExecutable) a -> files.resolve(a[0].asString(), a[1].asString())
                    .orElse("!Cannot find module '" + a[1].asString() + "'"));
            host.putMember("readText", (ProxyExecutable) a -> files.read(a[0].asString()).orElse(""));
            host.putMember("compileModule", (ProxyExecutable) a -> {
                String path = a[0].asString();
                try {
                    return ctx.eval(JsRuntime.moduleSource(path, ModuleTransform.toCommonJs(path, files.read(path).orElseThrow())));
                } catch (ModuleTransform.SyntaxProblem p) {
                    return path + ":" + p.line() + " " + p.getMessage();
                }
            });
            ctx.eval(Source.newBuilder("js", resource("modules.js"), "minisim:modules.js").buildLiteral()).execute(host, rt);
            Value exports;
            try {
                exports = rt.invokeMember("require", file);
            } catch (PolyglotException e) {
                return List.of("threw " + e.getMessage());
            }
            return lines(report.execute(exports));
        }
    }

    /** What GraalJS makes of {@code file} evaluated as a native ES module. */
    static List<String> nativeEsm(Path root, String file) {
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ModuleFiles files = new ModuleFiles(real);
        try (Context ctx = Context.newBuilder("js")
                .allowIO(IOAccess.newBuilder().fileSystem(new AppFileSystem(real, files)).build())
                .allowExperimentalOptions(true)
                .option("js.esm-eval-returns-exports", "true")
                .option("engine.WarnInterpreterOnly", "false")
                .build()) {
            Value report = ctx.eval("js", PRELUDE);
            Map<String, Value> commonJs = new java.util.HashMap<>();
            Value[] requireFrom = new Value[1];
            // a CommonJS loader for the native side, so a file may require() what it needs
            requireFrom[0] = ctx.eval("js", "(load) => (from) => (spec) => load(from, spec)").execute((ProxyExecutable) a -> {
                String from = a[0].asString();
                String spec = a[1].asString();
                String path = files.resolve(from, spec).orElseThrow(() -> new IllegalStateException("no " + spec));
                Value cached = commonJs.get(path);
                if (cached != null) {
                    return cached.getMember("exports");
                }
                Value module = ctx.eval("js", "({ exports: {} })");
                commonJs.put(path, module);
                ctx.eval(Source.newBuilder("js", "(function (exports, require, module) {" + files.read(path).orElseThrow()
                        + "\n})", "native-cjs:" + path).buildLiteral())
                        .execute(module.getMember("exports"), requireFrom[0].execute(path), module);
                return module.getMember("exports");
            });
            ctx.getBindings("js").putMember("__requireFrom", requireFrom[0]);
            ctx.getBindings("js").putMember("require", requireFrom[0].execute(file));
            Value exports;
            try {
                exports = ctx.eval(Source.newBuilder("js", real.resolve(file).toFile()).mimeType("application/javascript+module").build());
            } catch (PolyglotException e) {
                return List.of("threw " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lines(report.execute(exports));
        }
    }

    private static List<String> lines(Value array) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < array.getArraySize(); i++) {
            out.add(array.getArrayElement(i).asString());
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = JsRuntime.class.getResourceAsStream("js/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real file system, resolving module paths as the mini-program runtimes do (implied .js,
     * index.js, '/x' from the root) and serving a CommonJS file as an ES module with a default
     * export.
     */
    private static final class AppFileSystem implements FileSystem {
        private final FileSystem real = FileSystem.newDefaultFileSystem();
        private final Path root;
        private final ModuleFiles files;

        AppFileSystem(Path root, ModuleFiles files) {
            this.root = root;
            this.files = files;
        }

        private Path resolve(Path p) {
            Path abs = p.isAbsolute() ? p : root.resolve(p);
            if (!abs.normalize().startsWith(root)) {
                abs = root.resolve(abs.toString().substring(1)); // '/x' means the root's x
            }
            String rel = root.relativize(abs.normalize()).toString();
            Optional<String> found = files.resolve("", "/" + rel);
            return found.map(root::resolve).orElse(abs);
        }

        @Override
        public Path parsePath(URI uri) {
            return real.parsePath(uri);
        }

        @Override
        public Path parsePath(String path) {
            return real.parsePath(path);
        }

        @Override
        public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
            real.checkAccess(resolve(path), modes, options);
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public void delete(Path path) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            Path p = resolve(path);
            String code = Files.readString(p);
            if (!MODULE_SYNTAX.matcher(code).find()) {
                String rel = root.relativize(p).toString();
                code = "const module = { exports: {} };\n(function (exports, require, module) {" + code
                        + "\n})(module.exports, globalThis.__requireFrom(" + EsmToCommonJs.quote(rel) + "), module);\n"
                        + "export default module.exports;\n";
            }
            return new BytesChannel(code.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
            return real.newDirectoryStream(dir, filter);
        }

        @Override
        public Path toAbsolutePath(Path path) {
            return path.isAbsolute() ? path : root.resolve(path);
        }

        @Override
        public Path toRealPath(Path path, LinkOption... options) throws IOException {
            return resolve(path).toRealPath(options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
            return real.readAttributes(resolve(path), attributes, options);
        }
    }

    private static final class BytesChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;

        BytesChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            throw new IOException("read only");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** Every file under {@code root} with ES module syntax, root-relative. */
    static List<String> esModules(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.toString().endsWith(".js") && Files.isRegularFile(p)
                        && MODULE_SYNTAX.matcher(Files.readString(p)).find()) {
                    out.add(root.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        out.sort(null);
        return out;
    }
}
