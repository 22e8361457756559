package dev.minisim.junit;

import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.DirectorySource;

/** One mini-program folder: a container of its scenarios, loaded once for all of them. */
final class AppDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "app";

    private final Path folder;
    private final long timeoutSeconds;

    AppDescriptor(UniqueId id, Path folder, long timeoutSeconds) {
        super(id, folder.getFileName().toString(), DirectorySource.from(folder.toFile()));
        this.folder = folder;
        this.timeoutSeconds = timeoutSeconds;
    }

    Path folder() {
        return folder;
    }

    long timeoutSeconds() {
        return timeoutSeconds;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
