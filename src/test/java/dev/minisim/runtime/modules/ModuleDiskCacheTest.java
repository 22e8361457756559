package dev.minisim.runtime.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, "less before the first page": with the launcher's disk cache a cold run of an
 * unchanged ES-module app takes the transform from disk instead of loading SWC.
 */
class ModuleDiskCacheTest {

    @TempDir
    Path dir;

    @AfterEach
    void noDiskCache() {
        ModuleTransform.diskCache(null);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aTransformIsWrittenOnceAndReadBackByTheNextProcess() throws Exception {
        ModuleTransform.diskCache(dir);
        String esm = "import { SERVER } from './config';\nexport const url = SERVER + '/sign';\n";
        String cjs = ModuleTransform.toCommonJs("pages/a.js", esm);
        assertThat(files()).hasSize(1);
        assertThat(Files.readString(files().get(0))).isEqualTo(cjs);
        assertThat(files().get(0).getFileName().toString()).startsWith("js-").endsWith(".cjs");

        // a new process (memory cache empty) reads the file: proven by a doctored copy coming back
        Files.writeString(files().get(0), "/* from disk */\n" + cjs);
        ModuleTransform.diskCache(dir);
        assertThat(ModuleTransform.toCommonJs("pages/a.js", esm)).isEqualTo("/* from disk */\n" + cjs);
        // other content has another name: never served this file
        assertThat(ModuleTransform.toCommonJs("pages/b.js", esm + "export const b = 1;\n")).doesNotContain("from disk");
        assertThat(files()).hasSize(2);
    }

    @Test
    void withoutTheCacheNothingIsWrittenAndSyntaxErrorsAreNeverKept() throws Exception {
        ModuleTransform.diskCache(null);
        ModuleTransform.toCommonJs("pages/a.js", "export const only = 'memory';\n");
        assertThat(files()).isEmpty();

        ModuleTransform.diskCache(dir);
        assertThatThrownBy(() -> ModuleTransform.toCommonJs("pages/bad.js", "export const = ;\n"))
                .isInstanceOf(ModuleTransform.SyntaxProblem.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenIsNoError() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        ModuleTransform.diskCache(notAFolder.resolve("sub"));
        assertThat(ModuleTransform.toCommonJs("pages/a.js", "export default 42;\n")).contains("42");
    }
}
