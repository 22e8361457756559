package dev.minisim.scenario;

import java.util.List;

/**
 * How a run ended: the {@code end} event's status, the exit code of CONTRACT.md, and the one-line
 * problems to show on standard error.
 */
public record RunResult(String status, int exitCode, List<String> problems) {
}
