package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 survey of WeChat's official demo: Skyline pages build their route curves with
 * {@code wx.worklet.Easing} at load time, and a page reads {@code wx.getPerformance()}. The
 * Easing functions are plain math (WeChat docs, worklet.Easing); the performance object has no
 * measured entries headless.
 */
class WorkletAndPerformanceTest {

    @TempDir
    Path dir;

    @Test
    void easingFunctionsComputeTheDocumentedCurves() {
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index").wechat()
                .file("pages/index/index.wxml", "<view/>")
                .file("pages/index/index.js", """
                        const { Easing } = wx.worklet;
                        const r = (x) => Math.round(x * 1000) / 1000;
                        const css = Easing.bezier(0.25, 0.1, 0.25, 1).factory();
                        console.log(r(css(0.5)), r(Easing.cubicBezier(0, 0, 1, 1)(0.3)), r(Easing.ease(1)));
                        console.log(Easing.quad(0.5), Easing.poly(3)(0.5), r(Easing.out(Easing.quad)(0.5)), r(Easing.inOut(Easing.cubic)(0.25)));
                        console.log(r(Easing.sin(1)), r(Easing.bounce(1)), Easing.linear(0.7), typeof wx.worklet.timing);
                        Page({});
                        """)
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        // css "ease" (0.25, 0.1, 0.25, 1) at x = 0.5 is 0.8024; linear bezier is the identity
        assertThat(run.logs()).as("%s", run).containsExactly("0.802 0.3 1", "0.25 0.125 0.75 0.063", "1 1 0.7 function");
    }

    @Test
    void workletAnimationsStayUnsupportedAndSaySo() {
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index").wechat()
                .file("pages/index/index.wxml", "<view/>")
                .file("pages/index/index.js", """
                        Page({ onLoad() {
                          try { wx.worklet.timing(1, { duration: 100 }); } catch (e) { console.log('threw', e.message); }
                        } });
                        """)
                .launch();
        assertThat(run.logs()).as("%s", run).singleElement().asString().contains("worklet.timing").contains("not supported");
    }

    @Test
    void thePerformanceObjectHasTheClockAndNoMadeUpEntries() {
        TestApp.Run run = TestApp.withPages(dir, "pages/index/index").wechat()
                .file("pages/index/index.wxml", "<view/>")
                .file("pages/index/index.js", """
                        Page({ onLoad() {
                          const p = wx.getPerformance();
                          const o = p.createObserver(() => {});
                          o.observe({ entryTypes: ['render'] });
                          console.log(typeof p.now(), p.now() > 0, p.getEntries().length, p.getEntriesByType('render').length);
                        } });
                        """)
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("number true 0 0");
        assertThat(run.of("api")).anySatisfy(e -> assertThat(e.str("api")).isEqualTo("getPerformance"));
    }
}
