package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, "a tap repaints within one frame": the software renderer draws region backgrounds
 * directly, not from Prism's region image cache (whose stretched nine slices cost a tap's frame
 * ~6 ms in software, docs/notes-issue-tapframe3.md); a value the user set is kept, and other
 * pipelines are left alone. Only the system properties are checked: they are read once, when the
 * toolkit starts.
 */
class FxPlatformTest {

    private static final String[] KEYS = {"prism.order", "prism.disableRegionCaching"};
    private final String[] saved = new String[KEYS.length];

    @BeforeEach
    void save() {
        for (int i = 0; i < KEYS.length; i++) {
            saved[i] = System.getProperty(KEYS[i]);
        }
    }

    @AfterEach
    void restore() {
        for (int i = 0; i < KEYS.length; i++) {
            if (saved[i] == null) {
                System.clearProperty(KEYS[i]);
            } else {
                System.setProperty(KEYS[i], saved[i]);
            }
        }
    }

    @Test
    void theSoftwarePipelineHasNoRegionImageCache() {
        System.setProperty("prism.order", "sw");
        System.clearProperty("prism.disableRegionCaching");

        FxPlatform.noRegionImageCache();

        assertThat(System.getProperty("prism.disableRegionCaching")).isEqualTo("true");
    }

    @Test
    void aValueTheUserSetIsKept() {
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.disableRegionCaching", "false");

        FxPlatform.noRegionImageCache();

        assertThat(System.getProperty("prism.disableRegionCaching")).isEqualTo("false");
    }

    @Test
    void anotherPipelineKeepsTheCache() {
        System.setProperty("prism.order", "es2");
        System.clearProperty("prism.disableRegionCaching");

        FxPlatform.noRegionImageCache();

        assertThat(System.getProperty("prism.disableRegionCaching")).isNull();
    }
}
