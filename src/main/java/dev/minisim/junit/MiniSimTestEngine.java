package dev.minisim.junit;

import dev.minisim.BadInputException;
import dev.minisim.app.Simulation;
import dev.minisim.events.TranscriptWriter;
import dev.minisim.program.MiniProgram;
import dev.minisim.scenario.ScenarioPlayer;
import dev.minisim.scenario.ScenarioSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.AssertionFailedError;

/**
 * A JUnit Platform test engine for mini-program scenarios (issue #11): every
 * {@code scenarios/*.json} of a mini-program folder is a test, so Maven Surefire, Gradle and IDEs
 * run scenarios beside Java tests. It answers a class annotated {@link MiniSimScenarios} (what a
 * build's test scan finds), a folder (an IDE's "run tests in folder") and a scenario file. Each
 * folder is loaded once and its scenarios share the Engine's code cache, as the {@code test}
 * command does; a scenario that fails shows why and its transcript.
 */
public final class MiniSimTestEngine implements TestEngine {

    /** The engine's id (e.g. Surefire's and Gradle's {@code includeEngines}). */
    public static final String ID = "minisim";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.minisim");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "MiniSim scenarios");
        for (ClassSelector s : request.getSelectorsByType(ClassSelector.class)) {
            Class<?> c;
            try {
                c = s.getJavaClass();
            } catch (RuntimeException | LinkageError e) {
                continue;
            }
            MiniSimScenarios marks = c.getAnnotation(MiniSimScenarios.class);
            if (marks == null) {
                continue;
            }
            TestDescriptor parent = new ClassDescriptor(engine.getUniqueId().append("class", c.getName()), c);
            for (String folder : marks.value()) {
                for (Path app : apps(Path.of(folder))) {
                    addApp(parent, app, null, marks.timeoutSeconds());
                }
            }
            if (!parent.getChildren().isEmpty()) {
                engine.addChild(parent);
            }
        }
        for (DirectorySelector s : request.getSelectorsByType(DirectorySelector.class)) {
            for (Path app : apps(s.getPath())) {
                addApp(engine, app, null, 60);
            }
        }
        for (FileSelector s : request.getSelectorsByType(FileSelector.class)) {
            Path f = s.getPath().toAbsolutePath().normalize();
            Path app = f.getParent() == null ? null : f.getParent().getParent();
            if (f.toString().endsWith(".json") && f.getParent().getFileName().toString().equals(ScenarioSuite.FOLDER)
                    && app != null && isApp(app)) {
                addApp(engine, app, f, 60);
            }
        }
        return engine;
    }

    /**
     * The mini-program folders at or under {@code root} (three levels down), in name order: those
     * with an app.json or a project.config.json, not inside another one (a WeChat project keeps
     * app.json in its miniprogramRoot, its scenarios beside project.config.json).
     */
    static List<Path> apps(Path root) {
        if (isApp(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> found;
        try (Stream<Path> s = Files.walk(root, 3)) {
            found = s.filter(p -> Files.isDirectory(p) && isApp(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
        return found.stream().filter(p -> found.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))).toList();
    }

    private static boolean isApp(Path dir) {
        return Files.isRegularFile(dir.resolve("app.json")) || Files.isRegularFile(dir.resolve("project.config.json"));
    }

    private static void addApp(TestDescriptor parent, Path app, Path only, long timeoutSeconds) {
        UniqueId id = parent.getUniqueId().append(AppDescriptor.SEGMENT, app.toString());
        AppDescriptor a = null;
        for (TestDescriptor d : parent.getChildren()) {
            if (d.getUniqueId().equals(id)) {
                a = (AppDescriptor) d;
            }
        }
        if (a == null) {
            a = new AppDescriptor(id, app, timeoutSeconds);
            parent.addChild(a);
        }
        List<Path> files;
        try {
            files = only != null ? List.of(only) : ScenarioSuite.discover(app);
        } catch (BadInputException e) {
            files = List.of();
        }
        for (Path f : files) {
            AppDescriptor container = a;
            UniqueId sid = container.getUniqueId().append(ScenarioDescriptor.SEGMENT, f.getFileName().toString());
            if (container.getChildren().stream().noneMatch(d -> d.getUniqueId().equals(sid))) {
                container.addChild(new ScenarioDescriptor(sid, f));
            }
        }
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor root = request.getRootTestDescriptor();
        listener.executionStarted(root);
        for (TestDescriptor d : List.copyOf(root.getChildren())) {
            executeNode(d, listener);
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    private static void executeNode(TestDescriptor d, EngineExecutionListener listener) {
        if (d instanceof AppDescriptor app) {
            executeApp(app, listener);
            return;
        }
        listener.executionStarted(d);
        for (TestDescriptor c : List.copyOf(d.getChildren())) {
            executeNode(c, listener);
        }
        listener.executionFinished(d, TestExecutionResult.successful());
    }

    private static void executeApp(AppDescriptor app, EngineExecutionListener listener) {
        listener.executionStarted(app);
        MiniProgram program;
        try {
            program = MiniProgram.load(app.folder());
        } catch (BadInputException e) {
            listener.executionFinished(app, TestExecutionResult.failed(new AssertionFailedError(e.getMessage())));
            return;
        }
        ScenarioSuite suite = new ScenarioSuite(program, new ScenarioPlayer(Simulation.Options.headless(),
                Duration.ofSeconds(app.timeoutSeconds())), ScenarioSuite.Setup.DEFAULT);
        for (TestDescriptor child : List.copyOf(app.getChildren())) {
            ScenarioDescriptor scenario = (ScenarioDescriptor) child;
            listener.executionStarted(scenario);
            ScenarioSuite.Outcome o = suite.play(scenario.file(), null);
            listener.executionFinished(scenario, o.passed() ? TestExecutionResult.successful()
                    : TestExecutionResult.failed(new AssertionFailedError(report(o))));
        }
        listener.executionFinished(app, TestExecutionResult.successful());
    }

    /** Why the scenario failed, every problem, then the transcript (what a test report shows). */
    static String report(ScenarioSuite.Outcome o) {
        List<String> lines = new ArrayList<>(o.result().problems());
        if (!o.transcript().isEmpty()) {
            lines.add("transcript:");
            lines.add(o.transcript().stream().map(TranscriptWriter::toJson).collect(Collectors.joining("\n")));
        }
        return String.join("\n", lines);
    }

    /** The annotated class: IDEs and build reports show the scenarios under it. */
    private static final class ClassDescriptor extends AbstractTestDescriptor {
        ClassDescriptor(UniqueId id, Class<?> c) {
            super(id, c.getSimpleName(), ClassSource.from(c));
        }

        @Override
        public Type getType() {
            return Type.CONTAINER;
        }
    }
}
