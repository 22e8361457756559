package dev.minisim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue #11 ("fewer classes on the path: what needs picocli before the first line of output"): a
 * common {@code run} line is read without picocli, and must mean exactly what picocli makes of it;
 * any other line is left to picocli.
 */
class QuickRunTest {

    /** The run command picocli builds from the same line. */
    private static RunCommand picocli(String... args) {
        CommandLine cli = new CommandLine(new Main());
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    /** Every field of the command and of its options, by name (Paths and lists compare by value). */
    private static Map<String, Object> fields(RunCommand c) throws IllegalAccessException {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Field f : RunCommand.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() != ConfigOptions.class) {
                all.put(f.getName(), f.get(c));
            }
        }
        for (Field f : ConfigOptions.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                all.put("options." + f.getName(), f.get(c.options));
            }
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run app",
        "run app --scenario s.json",
        "run sample-miniapps/sign-demo --scenario sample-miniapps/sign-demo/scenarios/success.json",
        "run --scenario s.json app",
        "run app --scenario=s.json --transcript out.jsonl",
        "run app --transcript - --timeout 5 --task-budget 200",
        "run app --timeout=-3 --seed 42 --profile kyc --now 2026-11-22T10:00:00+08:00",
        "run app --decide getAuthCode=allow --decide signContract=6001 --allow-host a.example --allow-host=b.example",
        "run app --plugin p1.json --plugin p2.json --mocks m.json --device d.json",
        "run app --decide=getAuthCode={\"allow\":[\"auth_user\"]}",
    })
    void aLineItTakesMeansWhatPicocliMakesOfIt(String line) throws Exception {
        String[] args = line.split(" ");
        RunCommand quick = QuickRun.parse(args);
        assertThat(quick).as("taken without picocli").isNotNull();
        assertThat(fields(quick)).isEqualTo(fields(picocli(args)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run",                                   // picocli: missing APP_DIR
        "run --help",
        "run app -h",
        "run app --version",
        "run app other",                         // a second folder
        "run app --scenario a.json --scenario b.json",
        "run app --scenario",                    // no value
        "run app --scenario --transcript",
        "run app --timeout soon",
        "run app --timeout 0x10",
        "run app --seed=",
        "run app --unknown x",
        "run app -- x",
        "run @args.txt",
        "test app",
        "check app",
        "open",
    })
    void anyOtherLineIsLeftToPicocli(String line) {
        assertThat(QuickRun.parse(line.split(" "))).isNull();
    }
}
