package dev.minisim.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviors whose definitionFilter shapes the definitions that use them, as a store-binding
 * behavior does (mobx-miniprogram-bindings' storeBindingsBehavior; the fixture
 * src/test/resources/fixtures/store-binding is MiniSim's own store and behavior written that way).
 */
class BehaviorDefinitionFilterTest {

    @TempDir
    Path dir;

    @Test
    void aStoreBehaviorsDefinitionFilterAddsMethodsAndItsAttachedBindsTheStoreIntoData() {
        // WeChat docs, custom-component/extend, definitionFilter: "when A uses B, declaring A calls
        // B's definitionFilter with A's definition object for B to filter ... if B uses C, B may
        // call C's definitionFilter through definitionFilterArr"; and the behaviors rules:
        // "lifetimes and observers do not override each other, behaviors' run first". A page built
        // with Component() and a custom component get the filter's methods (the bound fields, the
        // store's actions, trace's method) and their attached fills data from the store before
        // onLoad; an action re-renders every bound view and their observers run.
        TestApp.Run run = fixture().run("""
                {"steps": [
                  {"see": {"selector": "#label", "text": "label one"}},
                  {"see": {"selector": "#count", "text": "count 1"}},
                  {"see": {"selector": "#twice", "text": "twice 2"}},
                  {"see": {"selector": ".tally", "text": "tally 1 doubled 2"}},
                  {"tap": "#inc"},
                  {"see": {"selector": "#label", "text": "label two"}},
                  {"see": {"selector": "#twice", "text": "twice 4"}},
                  {"see": {"selector": ".tally", "text": "tally 2 doubled 4"}}
                ]}""");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("onLoad sees one 1 trace via label+count");
    }

    @Test
    void aPageWithBehaviorsGetsTheFilteredMethodsDataAndLifetimes() {
        // WeChat docs, Page: "behaviors: a page can use behaviors (2.9.2)" — the behavior's
        // definitionFilter, data, methods and lifetimes apply to a Page() as to a Component():
        // attached binds before onLoad, detached (the page unloads) unbinds
        TestApp.Run run = fixture().run("""
                {"steps": [
                  {"tap": "#inc"},
                  {"tap": "#go"},
                  {"see": {"selector": "#plain-label", "text": "plain two"}},
                  {"tap": "#back"},
                  {"see": {"selector": "#label", "text": "label two"}}
                ]}""");
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("onLoad sees one 1 trace via label+count",
                "plain onLoad sees two function", "unbound, listeners left 2");
    }

    @Test
    void aBehaviorUsedTwiceRunsItsLifetimesOnceAndObjectDataFieldsMerge() {
        // WeChat docs, behaviors rules: "if the same behavior is used several times by one
        // component, its lifetimes and observers are not run again"; "same-named data fields that
        // are both objects are merged"; the component's own method overrides a behavior's
        TestApp.Run run = TestApp.withPages(dir, "pages/c/c").wechat()
                .file("b/base.js", "module.exports = Behavior({ data: { cfg: { a: 1, b: 1 } },"
                        + " attached() { console.log('base attached'); }, methods: { who() { return 'base'; } } });")
                .file("b/more.js", "module.exports = Behavior({ behaviors: [require('./base')], data: { cfg: { b: 2 } },"
                        + " attached() { console.log('more attached'); } });")
                .file("pages/c/c.js", "Component({ behaviors: [require('../../b/base'), require('../../b/more')],"
                        + " data: { cfg: { c: 3 } }, methods: { onLoad() { console.log(JSON.stringify(this.data.cfg), this.who()); } } });")
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("base attached", "more attached", "{\"a\":1,\"b\":2,\"c\":3} base");
    }

    /** A copy of the fixture folder (runs leave nothing behind, but the copy keeps it sure). */
    private TestApp fixture() {
        try {
            Path src = Path.of(BehaviorDefinitionFilterTest.class.getResource("/fixtures/store-binding/app.json").toURI()).getParent();
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.toList()) {
                    Path to = dir.resolve(src.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
            return TestApp.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
