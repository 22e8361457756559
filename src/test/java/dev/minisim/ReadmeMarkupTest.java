package dev.minisim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's rendered-markup example must be what `render` prints for the command it shows. */
class ReadmeMarkupTest {

    private static final Path REPO = Path.of(System.getProperty("minisim.repo", "."));

    @Test
    void theMarkupExampleIsWhatRenderPrints() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"));
        String marker = "The page as it is rendered at the end of that run";
        int at = readme.indexOf(marker);
        assertThat(at).as("README.md has the paragraph \"%s\"", marker).isGreaterThanOrEqualTo(0);
        int open = readme.indexOf("```html\n", at);
        assertThat(open).as("an html block follows it").isGreaterThan(at);
        open += "```html\n".length();
        String example = readme.substring(open, readme.indexOf("```", open));

        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Path app = REPO.resolve("sample-miniapps/sign-demo");
            code = Main.execute("render", app.toString(), "--scenario",
                    app.resolve("scenarios/success.json").toString());
        } finally {
            System.setOut(saved);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(example);
    }
}
