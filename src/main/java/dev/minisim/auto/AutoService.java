package dev.minisim.auto;

import dev.minisim.api.RunConfig;
import dev.minisim.program.MiniProgram;
import dev.minisim.user.DecisionSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code minisim auto}: one mini-program served over the WeChat automation protocol on
 * {@code ws://127.0.0.1:PORT} until {@code Tool.close} or the client goes away. Wires the run
 * ({@link AutoSession}), the prompts waiting for {@code Tool.native} ({@link NativePrompts}), the
 * method table ({@link Protocol} and its domains) and the transport ({@link AutoServer}).
 */
public final class AutoService implements AutoCloseable {

    static {
        // Java-WebSocket logs through slf4j; with no provider, slf4j 2 prints a notice on stderr
        // at first use, and MiniSim's stderr stays clean
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /** How it is set up (from the command line). */
    public record Settings(int port, Duration requestTimeout, Duration promptTimeout, Duration taskBudget,
                           Duration nativeWait) {
        public static Settings defaults(int port) {
            return new Settings(port, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5),
                    Duration.ofSeconds(3));
        }
    }

    private final AutoSession session;
    private final Protocol protocol;
    /** How much longer than its own timeouts a request may take before the protocol answers for it. */
    static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(5);
    private final AutoServer server;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "minisim-auto-timer"));
    private final ExecutorService blocking = Executors.newCachedThreadPool(r -> daemon(r, "minisim-auto-native"));
    private final List<String> problems = new ArrayList<>();

    /**
     * @param policies who answers prompts before Tool.native does (the scenario's decisions,
     *                 {@code --decide} policies); may be empty
     */
    public AutoService(MiniProgram program, RunConfig config, List<DecisionSource> policies, Painter painter,
                       Settings settings) {
        // every request answers: after the longest wait a method has of its own, plus a margin
        Duration longest = settings.requestTimeout().compareTo(settings.promptTimeout()) >= 0
                ? settings.requestTimeout() : settings.promptTimeout();
        this.protocol = new Protocol(longest.plus(BACKSTOP_MARGIN));
        NativePrompts prompts = new NativePrompts(timer, settings.promptTimeout().toMillis(), this::problem);
        List<DecisionSource> decisions = new ArrayList<>(policies);
        decisions.add(prompts);
        this.session = new AutoSession(program, config, decisions, settings.taskBudget(), painter);
        this.server = new AutoServer(settings.port(), protocol, ended::countDown);
        EventsOut events = new EventsOut(server::event);
        session.onEvent(events);
        session.onBinding(events);
        ToolMethods.register(protocol, session, prompts, ended::countDown, blocking, settings.nativeWait().toMillis());
        AppMethods.register(protocol, session, events, settings.requestTimeout());
        ElementHandles handles = new ElementHandles();
        PageMethods.register(protocol, session, handles, settings.requestTimeout());
        ElementMethods.register(protocol, session, handles, settings.requestTimeout());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void problem(String message) {
        synchronized (problems) {
            problems.add(message);
        }
        System.err.println("minisim: " + message);
    }

    /** Launches the mini-program, then listens; throws when the port cannot be bound. */
    public void start() throws Exception {
        session.start();
        server.listen();
    }

    /**
     * Ends the service when the process that started it ends (the SDK's launch spawns MiniSim
     * with its output ignored: a script that dies leaves no one to send Tool.close), and when no
     * client has connected within {@code connectWithin}: no orphan JVM either way.
     */
    public void endWithParent(Duration connectWithin) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            problem("the process that started MiniSim (" + parent.pid() + ") ended: stopping");
            ended.countDown();
        }));
        timer.schedule(() -> {
            if (!server.everConnected()) {
                problem("no automation client connected within " + connectWithin.toSeconds() + " s: stopping");
                ended.countDown();
            }
        }, connectWithin.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The session it drives (tests reach its runtime thread). */
    AutoSession session() {
        return session;
    }

    /** The protocol's method table (tests drive it without a socket too). */
    public Protocol protocol() {
        return protocol;
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** The address it listens on (127.0.0.1). */
    public java.net.InetSocketAddress address() {
        return server.getAddress();
    }

    /** Waits for {@code Tool.close} or the last client to go away. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @Override
    public void close() {
        try {
            server.stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.close();
        timer.shutdownNow();
        blocking.shutdownNow();
    }
}
