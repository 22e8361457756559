package dev.minisim.runtime.modules;

import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstClass;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstGetterProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstSetterProp;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMetaPropExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTaggedTpl;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstThisExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstDecl;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstExpr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstImportSpecifier;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleExportName;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleItem;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstObjectPatProp;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstPat;
import com.caoccao.javet.swc4j.ast.miscs.Swc4jAstSwitchCase;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamespaceSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImport;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstArrayPat;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstScript;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstBlockStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstExprStmt;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstKeyValuePatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstObjectPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstRestPat;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;
import com.caoccao.javet.swc4j.outputs.Swc4jParseOutput;
import com.caoccao.javet.swc4j.tokens.Swc4jToken;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ES module syntax to CommonJS with Babel's semantics (the WeChat tools compile with Babel), over
 * SWC's syntax tree with its scopes resolved:
 *
 * <ul>
 *   <li>imports are hoisted: every {@code require} runs at the top, in source order, before the
 *       module's own code, so a binding used above its import statement works;</li>
 *   <li>imported bindings are live: each reference to one becomes a member read of the imported
 *       module ({@code x} becomes {@code __esm_m0.default}), and a shadowing local is left alone;</li>
 *   <li>exports are getters on {@code exports} over the module's own bindings (live too), and
 *       {@code __esModule} marks a module that exports something;</li>
 *   <li>interop: a default import of a module without {@code __esModule} (CommonJS) gets its
 *       {@code module.exports}, a namespace import gets a copy with {@code default} added;</li>
 *   <li>{@code export default} of an anonymous function or class declares it (hoisted as in ES)
 *       and names it "default"; top-level {@code this} is undefined; {@code import()} and
 *       {@code import.meta} go through the loader.</li>
 * </ul>
 *
 * <p>Every edit replaces text on its own line (a removed statement keeps its line breaks) and the
 * header goes on line 1, so the output has the author's line numbers.
 */
final class EsmToCommonJs {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final String DEFAULT_VAR = "__esm_default";

    private record Edit(int start, int end, String text) {
    }

    private final String src;
    private final Swc4jParseOutput parsed;
    private final List<Edit> edits = new ArrayList<>();
    private final Map<String, String> getters = new LinkedHashMap<>();
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder afterHeader = new StringBuilder();
    /** "name#ctxt" of each imported binding, to the expression that reads it. */
    private final Map<String, String> imported = new HashMap<>();
    private boolean moduleSyntax;
    private boolean reexports;
    private int moduleVars;

    /** Spans are code point offsets; edits index {@link #src}. */
    private final Utf16Offsets offsets;

    private EsmToCommonJs(String src, Swc4jParseOutput parsed) {
        this.src = src;
        this.parsed = parsed;
        this.offsets = Utf16Offsets.of(src);
    }

    /** The CommonJS form of {@code src}; {@code src} itself when there is nothing to rewrite. */
    static String transform(String src) throws Swc.ParseError {
        return new EsmToCommonJs(src, Swc.parse(src)).run();
    }

    private String run() {
        if (parsed.getProgram() instanceof Swc4jAstModule module) {
            module.getShebang().ifPresent(s -> replace(0, src.codePointCount(0, src.indexOf('\n') < 0 ? src.length() : src.indexOf('\n')), ""));
            for (ISwc4jAstModuleItem item : module.getBody()) {
                statement(item);
            }
        }
        walk(parsed.getProgram());
        if (!moduleSyntax && edits.isEmpty()) {
            return src;
        }
        StringBuilder head = new StringBuilder();
        if (moduleSyntax) {
            head.append("\"use strict\";");
        }
        if (!getters.isEmpty() || reexports) {
            head.append("Object.defineProperty(exports,\"__esModule\",{value:true});");
        }
        if (!getters.isEmpty()) {
            head.append("__esm.define(exports,{");
            getters.forEach((name, expr) -> head.append(quote(name)).append(":()=>").append(expr).append(','));
            head.append("});");
        }
        head.append(header).append(afterHeader);
        edits.add(0, new Edit(0, 0, head.toString())); // first of the edits at offset 0
        return apply();
    }

    // ------------------------------------------------------------------ module statements

    private void statement(ISwc4jAstModuleItem item) {
        if (item instanceof Swc4jAstImportDecl d) {
            moduleSyntax = true;
            importDecl(d);
        } else if (item instanceof Swc4jAstExportDecl e) {
            moduleSyntax = true;
            replace(e.getSpan().getStart(), e.getDecl().getSpan().getStart(), "");
            for (String name : declaredNames(e.getDecl())) {
                getters.put(name, name);
            }
        } else if (item instanceof Swc4jAstExportDefaultDecl e) {
            moduleSyntax = true;
            exportDefaultDecl(e);
        } else if (item instanceof Swc4jAstExportDefaultExpr e) {
            moduleSyntax = true;
            ISwc4jAstExpr expr = e.getExpr();
            replace(e.getSpan().getStart(), expr.getSpan().getStart(), "var " + DEFAULT_VAR + " = ");
            insert(expr.getSpan().getEnd(), anonymous(expr) ? ";__esm.named(" + DEFAULT_VAR + ");" : ";");
            getters.put("default", DEFAULT_VAR);
        } else if (item instanceof Swc4jAstNamedExport e) {
            moduleSyntax = true;
            namedExport(e);
        } else if (item instanceof Swc4jAstExportAll e) {
            moduleSyntax = true;
            removeStatement(e);
            if (!e.isTypeOnly()) {
                header.append("__esm.reexport(exports,").append(require(e.getSrc())).append(");");
                reexports = true;
            }
        }
    }

    private void importDecl(Swc4jAstImportDecl d) {
        removeStatement(d);
        if (d.isTypeOnly()) {
            return;
        }
        List<ISwc4jAstImportSpecifier> specifiers = new ArrayList<>();
        for (ISwc4jAstImportSpecifier s : d.getSpecifiers()) {
            if (!(s instanceof Swc4jAstImportNamedSpecifier n && n.isTypeOnly())) {
                specifiers.add(s);
            }
        }
        String req = require(d.getSrc());
        if (specifiers.isEmpty()) {
            header.append(req).append(';');
            return;
        }
        boolean hasDefault = false;
        boolean hasNamed = false;
        String var = null;
        for (ISwc4jAstImportSpecifier s : specifiers) {
            if (s instanceof Swc4jAstImportStarAsSpecifier star) {
                var = star.getLocal().getSym();
            } else if (s instanceof Swc4jAstImportDefaultSpecifier) {
                hasDefault = true;
            } else if (s instanceof Swc4jAstImportNamedSpecifier n) {
                if (exportName(n.getImported().orElse(n.getLocal())).equals("default")) {
                    hasDefault = true;
                } else {
                    hasNamed = true;
                }
            }
        }
        String wrapped = var != null || (hasDefault && hasNamed) ? "__esm.star(" + req + ")"
                : hasDefault ? "__esm.interop(" + req + ")" : req;
        if (var == null) {
            var = "__esm_m" + moduleVars++;
        }
        header.append("var ").append(var).append('=').append(wrapped).append(';');
        for (ISwc4jAstImportSpecifier s : specifiers) {
            if (s instanceof Swc4jAstImportDefaultSpecifier def) {
                imported.put(key(def.getLocal()), var + ".default");
            } else if (s instanceof Swc4jAstImportNamedSpecifier n) {
                imported.put(key(n.getLocal()), var + member(exportName(n.getImported().orElse(n.getLocal()))));
            }
        }
    }

    private void exportDefaultDecl(Swc4jAstExportDefaultDecl e) {
        ISwc4jAst decl = e.getDecl();
        int declStart = decl.getSpan().getStart();
        replace(e.getSpan().getStart(), declStart, "");
        Optional<Swc4jAstIdent> name = decl instanceof Swc4jAstFnExpr f ? f.getIdent()
                : decl instanceof Swc4jAstClassExpr c ? c.getIdent() : Optional.empty();
        if (name.isPresent()) {
            getters.put("default", name.get().getSym());
            return;
        }
        if (decl instanceof Swc4jAstFnExpr) {
            // a hoisted declaration, as in ES: `export default function(){}` then `[1].map(...)`
            // stays two statements
            insert(firstToken(declStart, "("), " " + DEFAULT_VAR);
            afterHeader.append("__esm.named(").append(DEFAULT_VAR).append(");");
        } else if (decl instanceof Swc4jAstClassExpr) {
            insert(firstToken(declStart, "class") + "class".length(), " " + DEFAULT_VAR);
            insert(decl.getSpan().getEnd(), ";__esm.named(" + DEFAULT_VAR + ");");
        } else {
            return;
        }
        getters.put("default", DEFAULT_VAR);
    }

    private void namedExport(Swc4jAstNamedExport e) {
        removeStatement(e);
        if (e.isTypeOnly()) {
            return;
        }
        if (e.getSrc().isEmpty()) {
            for (ISwc4jAstExportSpecifier s : e.getSpecifiers()) {
                if (s instanceof Swc4jAstExportNamedSpecifier n && !n.isTypeOnly()) {
                    String orig = exportName(n.getOrig());
                    String local = n.getOrig() instanceof Swc4jAstIdent id ? imported.getOrDefault(key(id), orig) : orig;
                    getters.put(exportName(n.getExported().orElse(n.getOrig())), local);
                }
            }
            return;
        }
        boolean star = false;
        for (ISwc4jAstExportSpecifier s : e.getSpecifiers()) {
            star |= s instanceof Swc4jAstExportNamespaceSpecifier || s instanceof Swc4jAstExportDefaultSpecifier
                    || s instanceof Swc4jAstExportNamedSpecifier n && exportName(n.getOrig()).equals("default");
        }
        String var = "__esm_m" + moduleVars++;
        String req = require(e.getSrc().get());
        header.append("var ").append(var).append('=').append(star ? "__esm.star(" + req + ")" : req).append(';');
        for (ISwc4jAstExportSpecifier s : e.getSpecifiers()) {
            if (s instanceof Swc4jAstExportNamedSpecifier n && !n.isTypeOnly()) {
                getters.put(exportName(n.getExported().orElse(n.getOrig())), var + member(exportName(n.getOrig())));
            } else if (s instanceof Swc4jAstExportNamespaceSpecifier ns) {
                getters.put(exportName(ns.getName()), var);
            } else if (s instanceof Swc4jAstExportDefaultSpecifier d) {
                getters.put(d.getExported().getSym(), var + ".default");
            }
        }
    }

    // ------------------------------------------------------------------ references in the code

    private void walk(ISwc4jAst node) {
        if (node instanceof Swc4jAstImportDecl || node instanceof Swc4jAstNamedExport || node instanceof Swc4jAstExportAll) {
            return;
        }
        if (node instanceof Swc4jAstIdent id) {
            reference(id);
            return;
        }
        if (node instanceof Swc4jAstCallExpr call && call.getCallee() instanceof Swc4jAstImport callee) {
            replace(callee.getSpan().getStart(), callee.getSpan().getEnd(), "__esm.importer(require)");
        } else if (node instanceof Swc4jAstMetaPropExpr meta && src.startsWith("import", offsets.unit(meta.getSpan().getStart()))) {
            replace(meta.getSpan().getStart(), meta.getSpan().getEnd(), "__esm.meta");
            return;
        } else if (node instanceof Swc4jAstThisExpr && moduleSyntax && topLevel(node)) {
            replace(node.getSpan().getStart(), node.getSpan().getEnd(), "undefined");
            return;
        }
        for (ISwc4jAst child : node.getChildNodes()) {
            if (child != null) {
                walk(child);
            }
        }
    }

    private void reference(Swc4jAstIdent id) {
        String expr = imported.get(key(id));
        if (expr == null) {
            return;
        }
        ISwc4jAst parent = id.getParent();
        if (parent instanceof Swc4jAstImportDefaultSpecifier || parent instanceof Swc4jAstImportNamedSpecifier
                || parent instanceof Swc4jAstImportStarAsSpecifier) {
            return;
        }
        String text;
        if (parent instanceof Swc4jAstObjectLit) {
            text = id.getSym() + ": " + expr; // shorthand property {x}
        } else if (parent instanceof Swc4jAstCallExpr call && call.getCallee() == id
                || parent instanceof Swc4jAstTaggedTpl tpl && tpl.getTag() == id) {
            // called without the module as `this`, as Babel's (0, m.f)() does; but never starting
            // with "(", which would continue the previous line when the author relies on ASI
            text = "__esm.bare(" + expr + ")";
        } else {
            text = expr;
        }
        replace(id.getSpan().getStart(), id.getSpan().getEnd(), text);
    }


    /** Whether {@code this} here is the module's own (no function or class in between). */
    private static boolean topLevel(ISwc4jAst node) {
        for (ISwc4jAst p = node.getParent(); p != null; p = p.getParent()) {
            // a getter or setter of an object literal has a body of its own, not a Swc4jAstFunction
            if (p instanceof Swc4jAstFunction || p instanceof Swc4jAstClass
                    || p instanceof Swc4jAstGetterProp || p instanceof Swc4jAstSetterProp) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean anonymous(ISwc4jAstExpr expr) {
        ISwc4jAstExpr e = expr;
        while (e instanceof Swc4jAstParenExpr p) {
            e = p.getExpr();
        }
        return e instanceof Swc4jAstArrowExpr
                || e instanceof Swc4jAstFnExpr f && f.getIdent().isEmpty()
                || e instanceof Swc4jAstClassExpr c && c.getIdent().isEmpty();
    }

    private static List<String> declaredNames(ISwc4jAstDecl decl) {
        List<String> names = new ArrayList<>();
        if (decl instanceof Swc4jAstFnDecl f) {
            names.add(f.getIdent().getSym());
        } else if (decl instanceof Swc4jAstClassDecl c) {
            names.add(c.getIdent().getSym());
        } else if (decl instanceof Swc4jAstVarDecl v) {
            for (Swc4jAstVarDeclarator d : v.getDecls()) {
                patternNames(d.getName(), names);
            }
        }
        return names;
    }

    private static void patternNames(ISwc4jAstPat pat, List<String> names) {
        if (pat instanceof Swc4jAstBindingIdent b) {
            names.add(b.getId().getSym());
        } else if (pat instanceof Swc4jAstArrayPat a) {
            a.getElems().forEach(e -> e.ifPresent(p -> patternNames(p, names)));
        } else if (pat instanceof Swc4jAstObjectPat o) {
            for (ISwc4jAstObjectPatProp prop : o.getProps()) {
                if (prop instanceof Swc4jAstKeyValuePatProp kv) {
                    patternNames(kv.getValue(), names);
                } else if (prop instanceof Swc4jAstAssignPatProp ap) {
                    names.add(ap.getKey().getId().getSym());
                } else if (prop instanceof Swc4jAstRestPat r) {
                    patternNames(r.getArg(), names);
                }
            }
        } else if (pat instanceof Swc4jAstRestPat r) {
            patternNames(r.getArg(), names);
        } else if (pat instanceof Swc4jAstAssignPat ap) {
            patternNames(ap.getLeft(), names);
        }
    }

    private int firstToken(int from, String text) {
        for (Swc4jToken t : parsed.getTokens()) {
            if (t.getSpan().getStart() >= from && text.equals(t.getText())) {
                return t.getSpan().getStart();
            }
        }
        throw new IllegalStateException("no '" + text + "' after offset " + from);
    }

    private static String key(Swc4jAstIdent id) {
        return id.getSym() + "#" + id.getCtxt();
    }

    private static String exportName(ISwc4jAstModuleExportName name) {
        return name instanceof Swc4jAstStr s ? s.getValue() : ((Swc4jAstIdent) name).getSym();
    }

    private static String require(Swc4jAstStr spec) {
        return "require(" + quote(spec.getValue()) + ")";
    }

    private static String member(String name) {
        return IDENTIFIER.matcher(name).matches() ? "." + name : "[" + quote(name) + "]";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Replaces [start, end) (span offsets) by {@code text}, keeping the line breaks the range held. */
    private void replace(int spanStart, int spanEnd, String text) {
        int start = offsets.unit(spanStart);
        int end = offsets.unit(spanEnd);
        StringBuilder t = new StringBuilder(text);
        for (int i = start; i < end; i++) {
            char c = src.charAt(i);
            if (c == '\n') {
                t.append('\n');
            } else if (c == '\r' || c == '\u2028' || c == '\u2029') {
                t.append(c);
            }
        }
        edits.add(new Edit(start, end, t.toString()));
    }

    /**
     * Removes a whole import or export statement, leaving ";" in its place: the statement ended
     * the one before it by ASI ({@code const a = 1} then {@code import ...} then {@code (f)()}),
     * and without it the lines before and after would run together.
     */
    private void removeStatement(ISwc4jAst statement) {
        replace(statement.getSpan().getStart(), statement.getSpan().getEnd(), ";");
    }

    private void insert(int spanAt, String text) {
        int at = offsets.unit(spanAt);
        edits.add(new Edit(at, at, text));
    }

    private String apply() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(src.length() + 256);
        int at = 0;
        for (Edit e : sorted) {
            if (e.start() < at) {
                throw new IllegalStateException("overlapping module edits at offset " + e.start());
            }
            out.append(src, at, e.start()).append(e.text());
            at = e.end();
        }
        return out.append(src, at, src.length()).toString();
    }
}
