package dev.minisim.view;

import java.util.Map;

/** HTML character references in template text and attribute values. */
final class Entities {

    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0", "ensp", "\u2002", "emsp", "\u2003", "copy", "\u00a9", "middot", "\u00b7");

    private Entities() {
    }

    static String decode(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                int semi = s.indexOf(';', i);
                if (semi > i + 1 && semi - i <= 10) {
                    String name = s.substring(i + 1, semi);
                    String rep = null;
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        rep = codePoint(name.substring(2), 16);
                    } else if (name.startsWith("#")) {
                        rep = codePoint(name.substring(1), 10);
                    } else {
                        rep = NAMED.get(name);
                    }
                    if (rep != null) {
                        sb.append(rep);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static String codePoint(String digits, int radix) {
        try {
            return new String(Character.toChars(Integer.parseInt(digits, radix)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
