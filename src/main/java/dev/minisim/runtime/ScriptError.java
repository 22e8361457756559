package dev.minisim.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * An error of the mini-program's script as the user needs it: the message, and {@code file:line}
 * of the first frame in the mini-program's own files (never a frame of MiniSim's bootstrap).
 */
public record ScriptError(String message, String source, String stack) {

    private static final Pattern FRAME = Pattern.compile("\\(?([^()\\s]+):(\\d+):\\d+\\)?\\s*$");

    /** From an exception that escaped a call into JavaScript. */
    public static ScriptError of(PolyglotException e) {
        String source = null;
        if (e.isSyntaxError() && e.getSourceLocation() != null) {
            source = location(e.getSourceLocation());
        }
        if (source == null) {
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                if (f.isGuestFrame() && f.getSourceLocation() != null) {
                    String loc = location(f.getSourceLocation());
                    if (loc != null) {
                        source = loc;
                        break;
                    }
                }
            }
        }
        String message = e.isSyntaxError() ? syntaxMessage(e)
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String stack = null;
        Value guest = e.isGuestException() ? e.getGuestObject() : null;
        if (guest != null && guest.hasMembers() && guest.hasMember("stack")) {
            Value s = guest.getMember("stack");
            stack = s.isString() ? cleanStack(s.asString()) : null;
        }
        return new ScriptError(message, source, stack);
    }

    /**
     * A syntax error's first message, without the "file:line:col" GraalJS puts in it (the
     * source field carries that) and without the excerpt lines that follow.
     */
    public static String syntaxMessage(PolyglotException e) {
        String msg = e.getMessage() == null ? "SyntaxError" : e.getMessage();
        int cut = msg.indexOf('\n');
        if (cut > 0) {
            msg = msg.substring(0, cut);
        }
        return msg.replaceFirst("^(SyntaxError: )?\\S+:\\d+:\\d+ ", "SyntaxError: ");
    }

    /** From a value thrown in JavaScript and caught by MiniSim's bootstrap (a callback's error). */
    public static ScriptError ofThrown(Value thrown) {
        if (thrown == null || thrown.isNull()) {
            return new ScriptError("null was thrown", null, null);
        }
        if (thrown.isException()) {
            try {
                thrown.throwException();
            } catch (PolyglotException e) {
                return of(e);
            }
        }
        String message;
        String stack = null;
        if (thrown.hasMembers() && thrown.hasMember("message") && thrown.hasMember("stack")) {
            Value name = thrown.getMember("name");
            Value msg = thrown.getMember("message");
            message = (name != null && name.isString() ? name.asString() + ": " : "")
                    + (msg.isString() ? msg.asString() : msg.toString());
            Value s = thrown.getMember("stack");
            stack = s.isString() ? s.asString() : null;
        } else {
            message = "Uncaught " + (thrown.isString() ? thrown.asString() : thrown.toString());
        }
        return new ScriptError(message, firstUserFrame(stack), cleanStack(stack));
    }

    /** file:line of the first frame outside MiniSim's own scripts in a JS stack string. */
    static String firstUserFrame(String stack) {
        if (stack == null) {
            return null;
        }
        for (String line : stack.split("\n")) {
            if (!line.trim().startsWith("at ")) {
                continue;
            }
            Matcher m = FRAME.matcher(line);
            if (m.find() && !m.group(1).startsWith("minisim:") && !m.group(1).equals("<js>")) {
                return m.group(1) + ":" + m.group(2);
            }
        }
        return null;
    }

    private static String location(SourceSection s) {
        String name = s.getSource().getName();
        if (name == null || name.startsWith("minisim:") || !s.isAvailable()) {
            return null;
        }
        return name + ":" + s.getStartLine();
    }

    /** The stack without MiniSim's own frames, which mean nothing to the mini-program's author. */
    static String cleanStack(String stack) {
        if (stack == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String line : stack.split("\n")) {
            if (line.contains("(minisim:") || line.trim().startsWith("at minisim:")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line);
        }
        return out.toString();
    }
}
