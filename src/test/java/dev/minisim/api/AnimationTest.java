package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 survey (iView Weapp's notice bar, vant's collapse and notice bar in EastWorld's
 * wechat-app-mall): {@code wx.createAnimation} was an unsupported factory, so libraries that keep
 * their Animation and read its {@code option.transition} threw. WeChat's docs (wx.createAnimation,
 * Animation): the transform and style methods chain, {@code step(options)} closes a group with its
 * own transition, {@code export()} "每次调用后会清掉之前的动画操作"; Alipay's
 * {@code my.createAnimation} spells the timing option {@code timeFunction}. Fixtures:
 * {@code src/test/resources/fidelity3-app} and {@code fidelity3-alipay}.
 */
class AnimationTest {

    private static final Path RESOURCES = Path.of(System.getProperty("minisim.repo", "."), "src/test/resources");

    @Test
    void stepGroupsCarryTheirTransitionAndExportEmptiesTheQueue() {
        TestApp.Run run = TestApp.of(RESOURCES.resolve("fidelity3-app")).launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        String ease = "\"transformOrigin\":\"50% 50% 0\",\"transition\":{\"duration\":DUR,\"timingFunction\":\"ease\",\"delay\":0}";
        String fade = "{\"type\":\"style\",\"args\":[\"opacity\",0.5]},{\"type\":\"style\",\"args\":[\"width\",\"100px\"]}";
        assertThat(run.logs()).as("%s", run).startsWith(
                "{\"actions\":[{\"animates\":[" + fade + "],\"option\":{" + ease.replace("DUR", "300") + "}},"
                        + "{\"animates\":[" + fade + ",{\"type\":\"translateX\",\"args\":[20]}],\"option\":{" + ease.replace("DUR", "100") + "}}]}",
                "emptied 0");
        assertThat(run.of("api")).as("%s", run).anySatisfy(e -> assertThat(e.str("api")).isEqualTo("createAnimation"));
    }

    @Test
    void aComponentKeepsItsAnimationInDataAndSetsItsOptionBetweenGroups() {
        TestApp.Run run = TestApp.of(RESOURCES.resolve("fidelity3-app")).launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).contains("ticker 0 2000 translateX -100");
    }

    @Test
    void alipaySpellsTheTimingOptionTimeFunction() {
        TestApp.Run run = TestApp.of(RESOURCES.resolve("fidelity3-alipay")).launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("{\"actions\":[{\"animates\":[{\"type\":\"rotate\",\"args\":[45]},"
                + "{\"type\":\"scale\",\"args\":[2,2]}],\"option\":{\"transformOrigin\":\"left top\","
                + "\"transition\":{\"duration\":500,\"timingFunction\":\"ease-in-out\",\"delay\":0}}}]}");
    }
}
