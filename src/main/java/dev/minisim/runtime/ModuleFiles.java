package dev.minisim.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and reads module files for {@code require} and {@code import}, never outside the
 * mini-program root: a path that leaves it, directly or through a symlink, does not exist for the
 * script. Paths handed to JavaScript are relative to the root, with '/' separators.
 *
 * <p>Resolution, as the mini-program runtimes do it: {@code ./} and {@code ../} from the requiring
 * file, {@code /x} from the root, {@code .js}, {@code .json}, {@code .ts} and {@code index.js}
 * (then {@code index.ts}) implied; a bare
 * name from {@code miniprogram_npm/} then {@code node_modules/}, looked up from the requiring
 * file's folder to the root; finally a bare path relative to the requiring file (WeChat accepts
 * {@code require('util.js')} from a sibling).
 */
public final class ModuleFiles {

    private final Path root;

    public ModuleFiles(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException(root + " cannot be read", e);
        }
    }

    public Path root() {
        return root;
    }

    /** The resolved module path relative to the root, or empty when there is none inside it. */
    public Optional<String> resolve(String fromFile, String spec) {
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String fromDir = parent(fromFile);
        List<String> bases = new ArrayList<>();
        if (spec.startsWith("./") || spec.startsWith("../") || spec.equals(".") || spec.equals("..")) {
            bases.add(join(fromDir, spec));
        } else if (spec.startsWith("/")) {
            bases.add(spec.substring(1));
        } else {
            String dir = fromDir;
            while (true) {
                bases.add(join(dir, "miniprogram_npm/" + spec));
                if (dir.isEmpty()) {
                    break;
                }
                dir = parent(dir);
            }
            dir = fromDir;
            while (true) {
                bases.add(join(dir, "node_modules/" + spec));
                if (dir.isEmpty()) {
                    break;
                }
                dir = parent(dir);
            }
            bases.add(join(fromDir, spec));
            bases.add(spec);
        }
        for (String base : bases) {
            Optional<String> found = tryFile(base);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The script of a page, component or the app: {@code base.js}, else {@code base.ts}
     * (TypeScript, compiled before it runs); empty when neither is inside the root.
     */
    public Optional<String> script(String base) {
        for (String candidate : List.of(base + ".js", base + ".ts")) {
            if (inside(candidate).filter(Files::isRegularFile).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether a resolved module is a script (JavaScript or TypeScript), not JSON or another file. */
    public static boolean isScript(String path) {
        return path.endsWith(".js") || path.endsWith(".ts");
    }

    private Optional<String> tryFile(String base) {
        if (base == null) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>(List.of(base, base + ".js", base + ".json", base + ".ts"));
        if (base.endsWith(".js")) {
            // TypeScript's own rule: './x.js' in a .ts project names ./x.ts
            candidates.add(base.substring(0, base.length() - 3) + ".ts");
        }
        for (String candidate : candidates) {
            Optional<String> f = inside(candidate).filter(Files::isRegularFile).map(this::rel);
            if (f.isPresent()) {
                return f;
            }
        }
        Optional<Path> dir = inside(base).filter(Files::isDirectory);
        if (dir.isPresent()) {
            Path pkg = dir.get().resolve("package.json");
            if (Files.isRegularFile(pkg)) {
                String main = packageMain(pkg);
                if (main != null) {
                    Optional<String> m = tryFile(join(base, main));
                    if (m.isPresent()) {
                        return m;
                    }
                }
            }
            return inside(base + "/index.js").or(() -> inside(base + "/index.ts"))
                    .filter(Files::isRegularFile).map(this::rel);
        }
        return Optional.empty();
    }

    private static String packageMain(Path pkg) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pkg.toFile());
            for (String key : List.of("miniprogram", "main")) {
                String v = node.path(key).asText("");
                if (!v.isBlank()) {
                    return v.startsWith("./") ? v.substring(2) : v;
                }
            }
        } catch (IOException e) {
            // an unreadable package.json: fall back to index.js
        }
        return null;
    }

    /** The file for a root-relative path, if it exists and its real path is inside the root. */
    public Optional<Path> inside(String relative) {
        if (relative == null) {
            return Optional.empty();
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || !Files.exists(p)) {
            return Optional.empty();
        }
        try {
            Path real = p.toRealPath();
            return real.startsWith(root) ? Optional.of(p) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads a root-relative file as UTF-8 text (BOM dropped); empty when it is not inside. */
    public Optional<String> read(String relative) {
        Optional<Path> p = inside(relative).filter(Files::isRegularFile);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        try {
            String s = Files.readString(p.get(), StandardCharsets.UTF_8);
            return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String rel(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** Joins and normalises a '/'-separated path; null when the result climbs above the root. */
    public static String join(String dir, String rel) {
        List<String> parts = new ArrayList<>();
        for (String s : (dir.isEmpty() ? rel : dir + "/" + rel).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }
}
