package dev.minisim.cli;

import dev.minisim.BadInputException;
import dev.minisim.api.RunConfig;
import dev.minisim.auto.AutoService;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.Scenario;
import dev.minisim.scenario.ScenarioParser;
import dev.minisim.user.DecisionSource;
import dev.minisim.user.PolicyDecisions;
import dev.minisim.user.ScenarioDecisions;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code auto}: the WeChat automation protocol (CONTRACT.md), with the argument vector
 * miniprogram-automator's {@code launch({cliPath, projectPath})} gives its {@code cliPath}
 * ({@code auto --project DIR --auto-port PORT}), so a user's script runs unchanged with
 * {@code cliPath} set to MiniSim's launcher.
 */
@Command(name = "auto", mixinStandardHelpOptions = true,
        description = "Serve the WeChat automation protocol (miniprogram-automator) on ws://127.0.0.1:PORT until Tool.close "
                + "or the client disconnects. Prompts wait for Tool.native (authorizeAllow, confirmModal, ...) unless a "
                + "--decide policy or the --scenario's decisions answer them.")
final class AutoCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, paramLabel = "APP_DIR", description = "mini-program folder (with app.json)")
    Path project;

    @Option(names = "--auto-port", paramLabel = "PORT", defaultValue = "9420",
            description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE}, the SDK's)")
    int port;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "take the configuration and the decisions of this scenario file (its steps are not played)")
    Path scenario;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long a request that waits on the app (a JSAPI, evaluate, a prompt for Tool.native) may take "
                    + "(default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--task-budget", paramLabel = "MS", defaultValue = "5000",
            description = "how long one script task may run before it is stopped as runaway (default: ${DEFAULT-VALUE})")
    long taskBudgetMs;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "stop when no client has connected within this time (default: ${DEFAULT-VALUE})")
    long connectTimeoutSeconds;

    // what the SDK adds for the vendor IDE's accounts and trust dialog: accepted, nothing to do here
    @Option(names = "--auto-account", hidden = true)
    String account;

    @Option(names = "--ticket", hidden = true)
    String ticket;

    @Option(names = "--trust-project", hidden = true)
    boolean trustProject;

    /**
     * miniprogram-automator before 0.11 runs the IDE's cli as {@code cli --auto DIR --auto-port
     * PORT}: the same as {@code auto --project DIR --auto-port PORT}. Other arguments are left as they are.
     */
    static String[] olderSdkArguments(String[] args) {
        if (args.length < 2 || !args[0].equals("--auto")) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "auto";
        out[1] = "--project";
        System.arraycopy(args, 1, out, 2, args.length - 1);
        return out;
    }

    @Override
    public Integer call() throws Exception {
        MiniProgram program;
        RunConfig config;
        List<DecisionSource> decisions = new ArrayList<>();
        try {
            program = MiniProgram.load(project);
            Scenario sc = scenario == null ? Scenario.empty() : ScenarioParser.read(scenario);
            config = options.config(sc, program);
            decisions.add(new ScenarioDecisions(sc.decisions()));
            PolicyDecisions policy = options.policy(program.folder());
            decisions.add(policy);
        } catch (BadInputException e) {
            System.err.println("minisim: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (port < 0 || port > 65535) {
            System.err.println("minisim: --auto-port " + port + ": not a port");
            return Main.BAD_INPUT;
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        AutoService service = new AutoService(program, config, decisions, new AutoPainter(),
                new AutoService.Settings(port, timeout, timeout, Duration.ofMillis(taskBudgetMs), Duration.ofSeconds(3)));
        try {
            service.start();
        } catch (BindException e) {
            System.err.println("minisim: port " + port + " on 127.0.0.1 is in use (" + e.getMessage() + "); choose another --auto-port");
            service.close();
            return Main.BAD_INPUT;
        }
        service.endWithParent(Duration.ofSeconds(connectTimeoutSeconds));
        System.out.println("minisim: automation on ws://127.0.0.1:" + service.port() + " (" + program.folder() + ")");
        System.out.flush();
        service.awaitEnd();
        service.close();
        return Main.OK;
    }
}
