package dev.minisim.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The common shapes of a {@code run} command line, read without picocli, so that a cold
 * {@code ./minisim run APP --scenario FILE} does not pay for picocli's start (issue #11: building
 * picocli's model of every command by reflection, with its Java 5 classes that the JDK's AOT
 * cache cannot keep, took ~0.2-0.3 s of a ~1.2 s cold run, measured in docs/notes-issue-hlspeed.md).
 *
 * <p>Only a line this class understands completely is taken: {@code run}, one folder, and the
 * long options of {@code run} with a value ({@code --name value} or {@code --name=value}), each
 * single-value option at most once. Anything else (help, version, an unknown or short option,
 * {@code --}, an {@code @file}, a second folder, a value that looks like an option or is not a
 * plain number where one is needed) goes to picocli as before, which also gives every error its
 * usual message. {@code QuickRunTest} checks that every line taken here sets the command's fields
 * exactly as picocli does.
 */
final class QuickRun {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,18}");
    /** run's options that take one value and may appear once. */
    private static final Set<String> SINGLE = Set.of("--scenario", "--transcript", "--timeout", "--task-budget",
            "--profile", "--mocks", "--seed", "--device", "--now");
    /** run's options that take one value and may repeat. */
    private static final Set<String> REPEATABLE = Set.of("--decide", "--allow-host", "--plugin");

    private QuickRun() {
    }

    /** The {@code run} command this line asks for, its fields set; null when picocli must read the line. */
    static RunCommand parse(String[] args) {
        if (args.length < 2 || !"run".equals(args[0])) {
            return null;
        }
        RunCommand c = new RunCommand();
        // the @Option defaultValues of RunCommand (QuickRunTest compares with picocli's)
        c.transcript = "-";
        c.timeoutSeconds = 60;
        c.taskBudgetMs = 5000;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.startsWith("@")) {
                return null;
            }
            if (!a.startsWith("-")) {
                if (c.app != null) {
                    return null;
                }
                try {
                    c.app = Path.of(a);
                } catch (java.nio.file.InvalidPathException e) {
                    return null;
                }
                continue;
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    return null;
                }
                name = a;
                value = args[++i];
                if (value.startsWith("-") && !"-".equals(value) || value.startsWith("@")) {
                    return null;
                }
            }
            if (value.isEmpty() || SINGLE.contains(name) && !seen.add(name)) {
                return null;
            }
            try {
                if (!set(c, name, value)) {
                    return null;
                }
            } catch (java.nio.file.InvalidPathException e) {
                return null; // picocli says what is wrong with it
            }
        }
        return c.app == null ? null : c;
    }

    private static boolean set(RunCommand c, String name, String value) {
        ConfigOptions o = c.options;
        switch (name) {
            case "--scenario" -> c.scenario = Path.of(value);
            case "--transcript" -> c.transcript = value;
            case "--timeout" -> {
                if (!NUMBER.matcher(value).matches()) {
                    return false;
                }
                c.timeoutSeconds = Long.parseLong(value);
            }
            case "--task-budget" -> {
                if (!NUMBER.matcher(value).matches()) {
                    return false;
                }
                c.taskBudgetMs = Long.parseLong(value);
            }
            case "--profile" -> o.profile = value;
            case "--mocks" -> o.mocks = Path.of(value);
            case "--seed" -> {
                if (!NUMBER.matcher(value).matches()) {
                    return false;
                }
                o.seed = Long.parseLong(value);
            }
            case "--device" -> o.device = Path.of(value);
            case "--now" -> o.now = value;
            case "--decide" -> o.decide.add(value);
            case "--allow-host" -> o.allowHosts.add(value);
            case "--plugin" -> o.pluginFiles.add(Path.of(value));
            default -> {
                return false;
            }
        }
        return REPEATABLE.contains(name) || SINGLE.contains(name);
    }
}
