package dev.minisim.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites ES module syntax into the CommonJS the module loader runs, as the official developer
 * tools do before a mini-program reaches the client (Babel's commonjs transform): the same
 * interop, so a file may mix {@code import} with {@code require} and {@code module.exports}.
 *
 * <ul>
 *   <li>{@code import x from 'm'} gives {@code m}'s {@code default} when {@code m} is an ES module,
 *       else its {@code module.exports};</li>
 *   <li>{@code import * as ns}, named imports, side-effect imports, {@code import()} and
 *       {@code import.meta};</li>
 *   <li>every {@code export} form; exported names are getters on {@code exports}, so exports are
 *       live, and {@code __esModule} marks the file as an ES module for the importer.</li>
 * </ul>
 *
 * <p>Each statement is replaced in place by code with the same number of lines, so line numbers
 * in errors still point into the author's file. Known difference from Babel: an imported binding
 * is read once, when its import statement runs, instead of at each use; it only shows in
 * circular imports that read a binding before the other module has set it.
 */
public final class EsmTransform {

    /** A problem in module syntax, with the 1-based line where it is. */
    public static final class SyntaxProblem extends RuntimeException {
        private final int line;

        SyntaxProblem(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final Set<String> REGEX_AFTER_WORD = Set.of("return", "typeof", "instanceof",
            "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private final String src;
    private final int n;
    private final List<int[]> editRanges = new ArrayList<>();
    private final List<String> editTexts = new ArrayList<>();
    private final Map<String, String> exportedGetters = new LinkedHashMap<>();
    private boolean moduleSyntax;
    private int moduleVars;

    private EsmTransform(String src) {
        this.src = src;
        this.n = src.length();
    }

    /** The CommonJS form of {@code src}, or {@code src} itself when it has no module syntax. */
    public static String toCommonJs(String src) {
        if (!src.contains("import") && !src.contains("export")) {
            return src;
        }
        return new EsmTransform(src).run();
    }

    private String run() {
        scan();
        if (editRanges.isEmpty()) {
            return src;
        }
        StringBuilder out = new StringBuilder(src.length() + 256);
        if (moduleSyntax) {
            out.append("\"use strict\";Object.defineProperty(exports,\"__esModule\",{value:true});");
            if (!exportedGetters.isEmpty()) {
                out.append("__esm.define(exports,{");
                exportedGetters.forEach((name, expr) ->
                        out.append(quote(name)).append(":()=>").append(expr).append(','));
                out.append("});");
            }
        }
        int at = 0;
        for (int k = 0; k < editRanges.size(); k++) {
            int[] r = editRanges.get(k);
            out.append(src, at, r[0]).append(editTexts.get(k));
            at = r[1];
        }
        out.append(src, at, n);
        return out.toString();
    }

    // ---------------------------------------------------------------- the scanner

    private enum Prev { START, WORD, VALUE, CLOSE, PUNCT, DOT }

    private int pos;
    private Prev prev = Prev.START;
    private String prevWord = "";

    private void scan() {
        // '{' for a block or object, 'T' for a template literal's ${ }
        StringBuilder braces = new StringBuilder();
        pos = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '/') {
                skipLineComment();
            } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '*') {
                skipBlockComment();
            } else if (c == '\'' || c == '"') {
                skipString(c);
                prev = Prev.VALUE;
            } else if (c == '`') {
                pos++;
                if (scanTemplateChars()) {
                    braces.append('T');
                } else {
                    prev = Prev.VALUE;
                }
            } else if (c == '/') {
                if (regexAllowed()) {
                    skipRegex();
                    prev = Prev.VALUE;
                } else {
                    pos++;
                    prev = Prev.PUNCT;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < n && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                String word = src.substring(start, pos);
                boolean member = prev == Prev.DOT;
                prev = Prev.WORD;
                prevWord = word;
                if (!member && word.equals("import")) {
                    onImport(start, braces.isEmpty());
                } else if (!member && word.equals("export") && braces.isEmpty()) {
                    onExport(start);
                }
            } else if (Character.isDigit(c)) {
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                        || src.charAt(pos) == '_')) {
                    pos++;
                }
                prev = Prev.VALUE;
            } else if (c == '{') {
                braces.append('{');
                pos++;
                prev = Prev.PUNCT;
            } else if (c == '}') {
                pos++;
                char open = braces.isEmpty() ? '{' : braces.charAt(braces.length() - 1);
                if (!braces.isEmpty()) {
                    braces.setLength(braces.length() - 1);
                }
                if (open == 'T') {
                    if (scanTemplateChars()) {
                        braces.append('T');
                    } else {
                        prev = Prev.VALUE;
                    }
                } else {
                    prev = Prev.CLOSE;
                }
            } else if (c == ')' || c == ']') {
                pos++;
                prev = Prev.CLOSE;
            } else if (c == '.' && !(pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                pos++;
                prev = (pos < n && src.charAt(pos) == '.') ? Prev.PUNCT : Prev.DOT;
                while (pos < n && src.charAt(pos) == '.') {
                    pos++;
                }
            } else if (c == '?' && pos + 1 < n && src.charAt(pos + 1) == '.'
                    && !(pos + 2 < n && Character.isDigit(src.charAt(pos + 2)))) {
                pos += 2;
                prev = Prev.DOT;
            } else {
                pos++;
                prev = Prev.PUNCT;
            }
        }
    }

    private boolean regexAllowed() {
        return switch (prev) {
            case START, PUNCT -> true;
            case WORD -> REGEX_AFTER_WORD.contains(prevWord);
            default -> false;
        };
    }

    /** Scans template characters after a backtick or a closing brace; true if it stopped at ${. */
    private boolean scanTemplateChars() {
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '`') {
                pos++;
                return false;
            } else if (c == '$' && pos + 1 < n && src.charAt(pos + 1) == '{') {
                pos += 2;
                prev = Prev.PUNCT;
                return true;
            } else {
                pos++;
            }
        }
        return false;
    }

    private void skipLineComment() {
        while (pos < n && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int end = src.indexOf("*/", pos + 2);
        pos = end < 0 ? n : end + 2;
    }

    private void skipString(char quote) {
        pos++;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == quote || c == '\n') {
                pos++;
                return;
            } else {
                pos++;
            }
        }
    }

    private void skipRegex() {
        pos++;
        boolean inClass = false;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\n') {
                return;
            }
            pos++;
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (pos < n && Character.isJavaIdentifierPart(src.charAt(pos))) {
            pos++;
        }
    }

    // ---------------------------------------------------------------- small readers for statements

    private void skipTrivia() {
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '/') {
                skipLineComment();
            } else if (c == '/' && pos + 1 < n && src.charAt(pos + 1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private char peek() {
        skipTrivia();
        return pos < n ? src.charAt(pos) : '\0';
    }

    private String peekWord() {
        skipTrivia();
        int p = pos;
        while (p < n && Character.isJavaIdentifierPart(src.charAt(p))) {
            p++;
        }
        return src.substring(pos, p);
    }

    private String word() {
        String w = peekWord();
        if (w.isEmpty()) {
            throw problem("expected a name");
        }
        pos += w.length();
        return w;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw problem("expected '" + c + "'");
        }
        pos++;
    }

    private void expectWord(String w) {
        if (!peekWord().equals(w)) {
            throw problem("expected '" + w + "'");
        }
        pos += w.length();
    }

    /** A string literal's value (module specifiers have no escapes worth decoding). */
    private String string() {
        char q = peek();
        if (q != '\'' && q != '"') {
            throw problem("expected a module name in quotes");
        }
        int start = pos + 1;
        skipString(q);
        return src.substring(start, pos - 1);
    }

    /** A name in an import/export list: an identifier, or a string ("default" as well). */
    private String listName() {
        char c = peek();
        return (c == '\'' || c == '"') ? string() : word();
    }

    private void optionalSemicolon() {
        int save = pos;
        skipTrivia();
        if (pos < n && src.charAt(pos) == ';') {
            pos++;
        } else {
            pos = save;
        }
    }

    /** Skips `with {...}` / `assert {...}` import attributes. */
    private void skipAttributes() {
        int save = pos;
        String w = peekWord();
        if (w.equals("with") || w.equals("assert")) {
            pos += w.length();
            if (peek() == '{') {
                int end = src.indexOf('}', pos);
                pos = end < 0 ? n : end + 1;
                return;
            }
        }
        pos = save;
    }

    private SyntaxProblem problem(String what) {
        return new SyntaxProblem("module syntax: " + what, lineAt(pos));
    }

    private int lineAt(int index) {
        int line = 1;
        for (int i = 0; i < index && i < n; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private String newModuleVar() {
        return "__m" + (++moduleVars);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Replaces [start, pos) with {@code text}, padded with the newlines it replaced. */
    private void replace(int start, int end, String text) {
        StringBuilder t = new StringBuilder(text);
        for (int i = start; i < end; i++) {
            if (src.charAt(i) == '\n') {
                t.append('\n');
            }
        }
        editRanges.add(new int[] {start, end});
        editTexts.add(t.toString());
    }

    // ---------------------------------------------------------------- import

    private void onImport(int start, boolean topLevel) {
        char next = peek();
        if (next == '(') {
            replace(start, pos + 1, "__esm.dynamic(require,");
            pos++;
            prev = Prev.PUNCT;
            return;
        }
        if (next == '.') {
            int save = pos;
            pos++;
            if (peekWord().equals("meta")) {
                pos += 4;
                replace(start, pos, "__esm.meta");
                prev = Prev.VALUE;
                return;
            }
            pos = save;
            return;
        }
        if (!topLevel) {
            return;
        }
        moduleSyntax = true;
        StringBuilder code = new StringBuilder();
        String m = newModuleVar();
        if (next == '\'' || next == '"') {
            String spec = string();
            skipAttributes();
            optionalSemicolon();
            replace(start, pos, "require(" + quote(spec) + ");");
            prev = Prev.PUNCT;
            return;
        }
        String defaultName = null;
        String namespace = null;
        List<String[]> named = new ArrayList<>();
        if (next != '{' && next != '*') {
            defaultName = word();
            if (peek() == ',') {
                pos++;
                next = peek();
            } else {
                next = '\0';
            }
        }
        if (next == '*') {
            pos++;
            expectWord("as");
            namespace = word();
        } else if (next == '{') {
            pos++;
            while (peek() != '}') {
                String imported = listName();
                String local = imported;
                if (peekWord().equals("as")) {
                    pos += 2;
                    local = word();
                }
                named.add(new String[] {imported, local});
                if (peek() == ',') {
                    pos++;
                }
            }
            pos++;
        }
        expectWord("from");
        String spec = string();
        skipAttributes();
        optionalSemicolon();
        code.append("const ").append(m).append("=require(").append(quote(spec)).append(");");
        if (defaultName != null) {
            code.append("const ").append(defaultName).append("=__esm.def(").append(m).append(");");
        }
        if (namespace != null) {
            code.append("const ").append(namespace).append("=__esm.star(").append(m).append(");");
        }
        for (String[] p : named) {
            String read = p[0].equals("default") ? "__esm.def(" + m + ")" : m + "[" + quote(p[0]) + "]";
            code.append("const ").append(p[1]).append('=').append(read).append(';');
        }
        replace(start, pos, code.toString());
        prev = Prev.PUNCT;
    }

    // ---------------------------------------------------------------- export

    private void onExport(int start) {
        moduleSyntax = true;
        String w = peekWord();
        char next = peek();
        if (w.equals("default")) {
            pos += 7;
            int declStart = pos;
            String kw = peekWord();
            boolean isAsync = false;
            if (kw.equals("async")) {
                int save = pos;
                pos += 5;
                if (peekWord().equals("function")) {
                    isAsync = true;
                    kw = "function";
                } else {
                    pos = save;
                }
            }
            if (kw.equals("function") || kw.equals("class")) {
                pos += kw.length();
                if (peek() == '*') {
                    pos++;
                }
                String name = peekWord();
                if (!name.isEmpty() && !name.equals("extends")) {
                    exportedGetters.put("default", name);
                    replace(start, declStart, "");
                    pos = declStart;
                    prev = Prev.PUNCT;
                    return;
                }
                pos = declStart;
            }
            replace(start, declStart, "exports.default=");
            prev = Prev.PUNCT;
            return;
        }
        if (next == '*') {
            pos++;
            String m = newModuleVar();
            if (peekWord().equals("as")) {
                pos += 2;
                String ns = listName();
                expectWord("from");
                String spec = string();
                skipAttributes();
                optionalSemicolon();
                replace(start, pos, "const " + m + "=__esm.star(require(" + quote(spec) + "));");
                exportedGetters.put(ns, m);
            } else {
                expectWord("from");
                String spec = string();
                skipAttributes();
                optionalSemicolon();
                replace(start, pos, "__esm.reexport(exports,require(" + quote(spec) + "));");
            }
            prev = Prev.PUNCT;
            return;
        }
        if (next == '{') {
            pos++;
            List<String[]> names = new ArrayList<>();
            while (peek() != '}') {
                String local = listName();
                String exported = local;
                if (peekWord().equals("as")) {
                    pos += 2;
                    exported = listName();
                }
                names.add(new String[] {local, exported});
                if (peek() == ',') {
                    pos++;
                }
            }
            pos++;
            int save = pos;
            if (peekWord().equals("from")) {
                pos += 4;
                String spec = string();
                skipAttributes();
                optionalSemicolon();
                String m = newModuleVar();
                replace(start, pos, "const " + m + "=require(" + quote(spec) + ");");
                for (String[] p : names) {
                    exportedGetters.put(p[1], p[0].equals("default")
                            ? "__esm.def(" + m + ")" : m + "[" + quote(p[0]) + "]");
                }
            } else {
                pos = save;
                optionalSemicolon();
                replace(start, pos, "");
                for (String[] p : names) {
                    exportedGetters.put(p[1], p[0]);
                }
            }
            prev = Prev.PUNCT;
            return;
        }
        // a declaration: drop the keyword, export its names as getters
        int declStart = pos;
        String kw = w;
        if (kw.equals("async")) {
            pos += 5;
            kw = peekWord();
        }
        switch (kw) {
            case "function", "class" -> {
                pos += kw.length();
                if (peek() == '*') {
                    pos++;
                }
                String name = word();
                exportedGetters.put(name, name);
            }
            case "var", "let", "const" -> {
                pos += kw.length();
                for (String name : declaredNames()) {
                    exportedGetters.put(name, name);
                }
            }
            default -> throw problem("unexpected '" + (w.isEmpty() ? String.valueOf(next) : w)
                    + "' after export");
        }
        replace(start, declStart, "");
        pos = declStart;
        prev = Prev.PUNCT;
    }

    /** The names a var/let/const declaration binds; leaves pos where it started looking. */
    private List<String> declaredNames() {
        int save = pos;
        List<String> names = new ArrayList<>();
        while (true) {
            char c = peek();
            if (c == '{' || c == '[') {
                int end = matching(pos);
                collectPatternNames(src.substring(pos + 1, end), names);
                pos = end + 1;
            } else {
                names.add(word());
            }
            if (peek() == '=') {
                pos++;
                skipInitialiser();
            }
            if (peek() == ',') {
                pos++;
                continue;
            }
            break;
        }
        pos = save;
        return names;
    }

    /** Skips an initialiser expression up to a top-level ',' or ';' or a line that starts anew. */
    private void skipInitialiser() {
        int depth = 0;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\'' || c == '"') {
                skipString(c);
            } else if (c == '`') {
                pos++;
                skipTemplateLiteral();
            } else if (c == '/' && pos + 1 < n && (src.charAt(pos + 1) == '/' || src.charAt(pos + 1) == '*')) {
                skipTrivia();
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                pos++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                pos++;
                if (depth < 0) {
                    return;
                }
            } else if (depth == 0 && (c == ',' || c == ';')) {
                return;
            } else if (depth == 0 && c == '\n') {
                int save = pos;
                skipTrivia();
                String nextWord = peekWord();
                if (Set.of("const", "let", "var", "function", "class", "export", "import", "if",
                        "for", "while", "return").contains(nextWord) || pos >= n) {
                    return;
                }
                pos = save + 1;
            } else {
                pos++;
            }
        }
    }

    private void skipTemplateLiteral() {
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '`') {
                pos++;
                return;
            } else if (c == '$' && pos + 1 < n && src.charAt(pos + 1) == '{') {
                pos += 2;
                int end = matching(pos - 1);
                pos = end + 1;
            } else {
                pos++;
            }
        }
    }

    /** The index of the bracket closing the one at {@code open}, skipping strings and templates. */
    private int matching(int open) {
        int save = pos;
        pos = open + 1;
        int depth = 1;
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\'' || c == '"') {
                skipString(c);
                continue;
            }
            if (c == '`') {
                pos++;
                skipTemplateLiteral();
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    int end = pos;
                    pos = save;
                    return end;
                }
            }
            pos++;
        }
        pos = save;
        throw problem("unbalanced brackets in export declaration");
    }

    /** Binding names in a destructuring pattern's inside ({a, b: c, ...d} / [x, , y = 1]). */
    private static void collectPatternNames(String pattern, List<String> names) {
        int depth = 0;
        StringBuilder word = new StringBuilder();
        String pending = null;
        boolean inDefault = false;
        for (int i = 0; i <= pattern.length(); i++) {
            char c = i < pattern.length() ? pattern.charAt(i) : ',';
            if (Character.isJavaIdentifierPart(c) && depth == 0 && !inDefault) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                pending = word.toString();
                word.setLength(0);
            }
            if (Character.isWhitespace(c) || c == '.') {
                continue;
            }
            if (depth > 0) {
                if (c == '{' || c == '[' || c == '(') {
                    depth++;
                } else if (c == '}' || c == ']' || c == ')') {
                    depth--;
                }
                if (depth == 0 && pending == null) {
                    // a nested pattern ended: its names were collected when it opened
                }
                continue;
            }
            switch (c) {
                case ':' -> pending = null;
                case '=' -> {
                    if (pending != null) {
                        names.add(pending);
                    }
                    pending = null;
                    inDefault = true;
                }
                case ',' -> {
                    if (pending != null && !inDefault) {
                        names.add(pending);
                    }
                    pending = null;
                    inDefault = false;
                }
                case '{', '[' -> {
                    if (!inDefault) {
                        int end = findClose(pattern, i);
                        collectPatternNames(pattern.substring(i + 1, end), names);
                        i = end;
                        pending = null;
                    } else {
                        depth++;
                    }
                }
                case '(' -> depth++;
                default -> { }
            }
        }
    }

    private static int findClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return s.length() - 1;
    }
}
