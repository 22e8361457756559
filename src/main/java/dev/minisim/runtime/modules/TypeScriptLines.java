package dev.minisim.runtime.modules;

import com.caoccao.javet.swc4j.outputs.Swc4jTranspileOutput;
import com.caoccao.javet.swc4j.tokens.Swc4jToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * TypeScript to JavaScript on the TypeScript file's own lines. SWC strips the types (and compiles
 * enums, parameter properties, namespaces) but prints its own layout; its source map says which
 * line of the .ts file each printed line comes from, and this class moves every printed line back
 * to that line. So the JavaScript that runs has the statement of .ts line 12 on line 12, and every
 * error, stack and console position names the .ts file and line without a source map at run time.
 *
 * <p>Only whitespace between tokens changes: a line break inside a token (a template literal) is
 * kept, and a printed line whose source line is not after the current one joins it (SWC ends every
 * statement with a semicolon, so joining lines never changes the program).
 */
final class TypeScriptLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private TypeScriptLines() {
    }

    static String toJavaScript(String typeScript) throws Swc.ParseError {
        Swc4jTranspileOutput out = Swc.typeScript(typeScript);
        String code = out.getCode();
        int[] sourceLine = firstSourceLines(mappings(out.getSourceMap()), (int) code.chars().filter(c -> c == '\n').count() + 1);
        List<Swc4jToken> tokens = Swc.parse(code).getTokens();
        return relayout(code, sourceLine, tokens);
    }

    private static String mappings(String sourceMap) {
        try {
            return JSON.readTree(sourceMap).path("mappings").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /** For each printed line (0-based), the 1-based source line of its first mapping, or 0. */
    static int[] firstSourceLines(String mappings, int lineCount) {
        int[] result = new int[Math.max(lineCount, 1)];
        int genLine = 0;
        int srcLine = 0;
        boolean lineSeen = false;
        int[] fields = new int[5];
        int i = 0;
        int n = mappings.length();
        while (i < n) {
            char c = mappings.charAt(i);
            if (c == ';') {
                genLine++;
                lineSeen = false;
                i++;
                continue;
            }
            if (c == ',') {
                i++;
                continue;
            }
            int count = 0;
            while (i < n && mappings.charAt(i) != ',' && mappings.charAt(i) != ';') {
                int value = 0;
                int shift = 0;
                int digit;
                do {
                    digit = BASE64.indexOf(mappings.charAt(i++));
                    value += (digit & 31) << shift;
                    shift += 5;
                } while ((digit & 32) != 0 && i < n);
                int decoded = (value & 1) == 1 ? -(value >>> 1) : value >>> 1;
                if (count < fields.length) {
                    fields[count] = decoded;
                }
                count++;
            }
            if (count >= 4) {
                srcLine += fields[2];
                if (!lineSeen && genLine < result.length) {
                    result[genLine] = srcLine + 1;
                    lineSeen = true;
                }
            }
        }
        return result;
    }

    static String relayout(String code, int[] sourceLine, List<Swc4jToken> tokens) {
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        Utf16Offsets offsets = Utf16Offsets.of(code);
        for (int t = 0; t < tokens.size(); t++) {
            starts[t] = offsets.unit(tokens.get(t).getSpan().getStart());
            ends[t] = offsets.unit(tokens.get(t).getSpan().getEnd());
        }
        StringBuilder out = new StringBuilder(code.length() + 64);
        int current = 1;
        if (sourceLine.length > 0 && sourceLine[0] > 1) {
            out.append("\n".repeat(sourceLine[0] - 1));
            current = sourceLine[0];
        }
        int genLine = 0;
        for (int p = 0; p < code.length(); p++) {
            char c = code.charAt(p);
            if (c != '\n') {
                out.append(c);
                continue;
            }
            genLine++;
            if (insideToken(starts, ends, p)) {
                out.append('\n');
                current++;
                continue;
            }
            int target = genLine < sourceLine.length ? sourceLine[genLine] : 0;
            if (target > current) {
                out.append("\n".repeat(target - current));
                current = target;
            } else {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static boolean insideToken(int[] starts, int[] ends, int p) {
        int i = Arrays.binarySearch(starts, p);
        int k = i >= 0 ? i : -i - 2;
        return k >= 0 && starts[k] <= p && p < ends[k];
    }
}
