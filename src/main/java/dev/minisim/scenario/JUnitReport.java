package dev.minisim.scenario;

import dev.minisim.events.TranscriptWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report that CI servers read (Jenkins, GitLab, GitHub actions' test reporters): one
 * {@code testsuite} per mini-program, one {@code testcase} per scenario; a scenario that did not
 * pass has a {@code failure} whose message is why (the failed expect, the error, or the invalid
 * file's line) and its transcript as {@code system-out}.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    /** Writes the report of {@code outcomes}, played from {@code suite} (the folder's name). */
    public static void write(String suite, List<ScenarioSuite.Outcome> outcomes, Instant started, OutputStream out)
            throws IOException {
        long failures = outcomes.stream().filter(o -> !o.passed()).count();
        double seconds = outcomes.stream().mapToLong(ScenarioSuite.Outcome::millis).sum() / 1000.0;
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "minisim");
            x.writeAttribute("tests", String.valueOf(outcomes.size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", secs(seconds));
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute("tests", String.valueOf(outcomes.size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", secs(seconds));
            x.writeAttribute("timestamp", started.truncatedTo(ChronoUnit.SECONDS).toString());
            for (ScenarioSuite.Outcome o : outcomes) {
                x.writeCharacters("\n    ");
                if (o.passed()) {
                    x.writeEmptyElement("testcase");
                    testcase(x, suite, o);
                    continue;
                }
                x.writeStartElement("testcase");
                testcase(x, suite, o);
                x.writeCharacters("\n      ");
                x.writeStartElement("failure");
                x.writeAttribute("message", clean(o.why()));
                x.writeAttribute("type", o.result().status());
                x.writeCharacters(clean(String.join("\n", o.result().problems())));
                x.writeEndElement();
                if (!o.transcript().isEmpty()) {
                    x.writeCharacters("\n      ");
                    x.writeStartElement("system-out");
                    x.writeCharacters(clean(o.transcript().stream().map(TranscriptWriter::toJson)
                            .collect(Collectors.joining("\n", "\n", "\n"))));
                    x.writeEndElement();
                }
                x.writeCharacters("\n    ");
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void testcase(XMLStreamWriter x, String suite, ScenarioSuite.Outcome o) throws XMLStreamException {
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", o.name());
        x.writeAttribute("file", o.file().toString());
        x.writeAttribute("time", secs(o.millis() / 1000.0));
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** XML 1.0 cannot carry most control characters, even escaped; a console line may hold some. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 && c != '\n' && c != '\r' && c != '\t'
                || c == 0xFFFE || c == 0xFFFF ? 0xFFFD : c));
        return b.toString();
    }
}
