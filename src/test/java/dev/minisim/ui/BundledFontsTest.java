package dev.minisim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Issue #10, part 6: "the project ships the fonts it draws with ... with their licence files".
 * JavaFX's embedded-font support silently skips an entry whose file is missing (and then fails
 * like a machine with no font), so every file the two property files name must be bundled.
 */
class BundledFontsTest {

    private static Properties read(Path dir, String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyFontTheLogicalAndFamilyListsNameIsBundledWithItsLicence() throws IOException {
        Path dir = BundledFonts.directory();
        Properties logical = read(dir, "logicalfonts.properties");
        for (String family : new String[] {"sans", "serif", "monospace"}) {
            for (String style : new String[] {"regular", "bold", "italic", "bolditalic"}) {
                assertThat(logical.getProperty(family + "." + style + ".0.file")).as("%s %s", family, style).isNotBlank();
                assertThat(logical.getProperty(family + "." + style + ".1.file")).as("the CJK fallback of %s %s", family, style)
                        .isEqualTo("wqy-microhei.ttc");
            }
        }
        logical.stringPropertyNames().stream().filter(k -> k.endsWith(".file"))
                .forEach(k -> assertThat(dir.resolve(logical.getProperty(k))).as(k).isRegularFile());
        Properties all = read(dir, "allfonts.properties");
        int max = Integer.parseInt(all.getProperty("maxFont"));
        for (int i = 0; i < max; i++) {
            assertThat(all.getProperty("family." + i)).as("family.%d", i).isNotBlank();
            assertThat(dir.resolve(all.getProperty("file." + i))).as("file.%d", i).isRegularFile();
        }
        assertThat(all.getProperty("family." + max)).as("maxFont counts every entry").isNull();
        for (String f : BundledFonts.FILES) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        assertThat(dir.resolve("LICENSE-DejaVu.txt")).content().contains("Bitstream Vera");
        assertThat(dir.resolve("LICENSE-WenQuanYi-Micro-Hei.txt")).content().contains("Apache-2.0").contains("Font exception");
    }
}
