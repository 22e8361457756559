package dev.minisim.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Writes each event as one JSON line and flushes it, so a killed run still leaves its lines. */
public final class TranscriptWriter implements Consumer<Event> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private final OutputStream out;

    public TranscriptWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(Event event) {
        try {
            out.write(JSON.writeValueAsBytes(event.asMap()));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transcript", e);
        }
    }

    public static String toJson(Event event) {
        try {
            return JSON.writeValueAsString(event.asMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
