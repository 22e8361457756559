package dev.minisim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 5: "one typed Java interface over the JS runtime's entry points instead of
 * functions called by string name". The names are written once, in {@link JsEntryPoints}; this
 * pins that each method of {@link JsWorld} is an entry point the bootstrap really defines, so a
 * renamed {@code rt.xxx} in a bootstrap script fails here instead of at the first page that needs it.
 */
class JsWorldTest {

    @Test
    void everyMethodOfTheInterfaceIsAnEntryPointTheBootstrapDefines() {
        try (JsRuntime js = new JsRuntime(new PoisonedBuiltinsTest.BareHost())) {
            List<String> missing = new ArrayList<>();
            for (Method m : JsWorld.class.getMethods()) {
                Value fn = js.internal(m.getName());
                if (fn == null || !fn.canExecute()) {
                    missing.add(m.getName());
                }
            }
            assertThat(JsWorld.class.getMethods()).hasSizeGreaterThan(20);
            assertThat(missing).as("JsWorld methods with no rt entry point of that name").isEmpty();
        }
    }

    @Test
    void theWorldAnswersThroughTypedResults() {
        // a bare context: no app, no page; the answers are the bootstrap's own "nothing here" values
        try (JsRuntime js = new JsRuntime(new PoisonedBuiltinsTest.BareHost())) {
            JsWorld world = js.world();
            assertThat(world.hasApp()).isFalse();
            assertThat(world.callAppHook("onShow", "{}")).isFalse();
            assertThat(world.pageKind("pages/none/none")).isNull();
            assertThat(world.pageData(7)).isEqualTo("null");
            assertThat(world.methodNames(7)).isEmpty();
            assertThat(world.callMethod(7, "go", "[]")).isFalse();
            assertThat(world.componentData("c1")).isEqualTo("null");
            assertThat(world.updateComponentProps("c1", "{}")).isNull();
            assertThat(world.isLoaded("app.js")).isFalse();
            assertThat(Arrays.stream(JsWorld.class.getMethods()).map(Method::getName)).doesNotHaveDuplicates();
        }
    }
}
