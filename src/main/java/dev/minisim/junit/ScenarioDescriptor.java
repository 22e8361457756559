package dev.minisim.junit;

import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;

/** One scenario file: a test. */
final class ScenarioDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "scenario";

    private final Path file;

    ScenarioDescriptor(UniqueId id, Path file) {
        super(id, file.getFileName().toString().replaceFirst("\\.json$", ""), FileSource.from(file.toFile()));
        this.file = file;
    }

    Path file() {
        return file;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
