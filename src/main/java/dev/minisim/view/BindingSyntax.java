package dev.minisim.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each dialect writes an event binding (SPEC "Events"): WeChat {@code bind}, {@code catch},
 * {@code mut-bind}, {@code capture-bind}, {@code capture-catch} + the event name, colon optional;
 * Alipay {@code on}, {@code catch}, {@code capture-on}, {@code capture-catch} + capitalised name.
 */
final class BindingSyntax {

    private static final Pattern WX =
            Pattern.compile("^(capture-bind|capture-catch|mut-bind|bind|catch):?([A-Za-z_][\\w-]*)$");
    private static final Pattern MY = Pattern.compile("^(capture-on|capture-catch|on|catch)([A-Z][\\w-]*)$");

    /** A binding attribute's parts: the event as raised, and its kind. */
    record Parsed(String event, boolean capture, boolean stops, boolean mutated) {
    }

    private BindingSyntax() {
    }

    /** The binding an attribute name spells in {@code dialect}, or null when it is not one. */
    static Parsed parse(String attribute, Dialect dialect) {
        if (dialect == Dialect.WXML) {
            Matcher m = WX.matcher(attribute);
            if (!m.matches()) {
                return null;
            }
            String kind = m.group(1);
            return new Parsed(m.group(2), kind.startsWith("capture"), kind.endsWith("catch"), kind.equals("mut-bind"));
        }
        Matcher m = MY.matcher(attribute);
        if (!m.matches()) {
            return null;
        }
        String kind = m.group(1);
        String event = Character.toLowerCase(m.group(2).charAt(0)) + m.group(2).substring(1);
        return new Parsed(event, kind.startsWith("capture"), kind.endsWith("catch"), false);
    }
}
