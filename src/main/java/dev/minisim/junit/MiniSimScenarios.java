package dev.minisim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose tests are mini-program scenarios: {@link MiniSimTestEngine} plays every
 * {@code scenarios/*.json} of the mini-program folders found under {@link #value()} and reports
 * each as a test, beside the Java tests of the same run (Maven Surefire, Gradle, IDEs). The way
 * Cucumber plugs feature files into JUnit:
 *
 * <pre>{@code
 * @MiniSimScenarios("sample-miniapps")
 * class SampleScenariosTest {
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MiniSimScenarios {

    /**
     * Folders, relative to the working directory (Maven: the project's base directory): each is a
     * mini-program folder (with app.json) or holds such folders (up to two levels down).
     */
    String[] value();

    /** Time limit of each scenario's run, in real seconds. */
    long timeoutSeconds() default 60;
}
