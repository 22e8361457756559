package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patterns that public mini-programs and their UI libraries rely on (issue 9, "tried as a new
 * user would"), each in a minimal fixture of its own.
 */
class PublicAppPatternsTest {

    @TempDir
    Path dir;

    @Test
    void alipayMixinsGiveTheirPropsDataMethodsAndHooksTheComponentsOwnLast() {
        // SPEC "Custom components": Alipay Component() ... with mixins, as antd-mini's value mixin is used
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index").alipay()
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-field\": \"/components/field/index\"}}")
                .file("pages/index/index.axml", "<my-field value=\"{{v}}\" />")
                .file("pages/index/index.js", "Page({ data: { v: 'a' }, onReady() { this.setData({ v: 'b' }); } })")
                .file("components/field/mixin.js", """
                        export default {
                          props: { value: 'none', size: 'm' },
                          data: { shown: '' },
                          methods: { getValue() { return this.props.value; } },
                          onInit() { console.log('mixin onInit'); },
                          deriveDataFromProps(next) { console.log('mixin derive', next.value); },
                          didMount() { console.log('mixin didMount', this.getValue()); },
                          didUpdate(prevProps) { console.log('mixin didUpdate', prevProps.value, this.getValue()); },
                        };""")
                .file("components/field/index.js", """
                        import mixin from './mixin';
                        Component({
                          mixins: [mixin],
                          onInit() { console.log('own onInit', this.props.size); },
                          didMount() { console.log('own didMount'); this.setData({ shown: this.getValue() }); },
                        });""")
                .file("components/field/index.axml", "<view class=\"shown\">{{shown}}</view>")
                .run("{\"steps\": [{\"see\": {\"selector\": \".shown\", \"text\": \"a\"}}]}");
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.result().exitCode()).as("%s", run).isZero();
        assertThat(run.logs()).as("%s", run).startsWith("mixin onInit", "own onInit m", "mixin derive a",
                "mixin didMount a", "own didMount").contains("mixin didUpdate a b");
    }
}
