package dev.minisim.runtime.modules;

import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImport;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import java.util.ArrayList;
import java.util.List;

/** The module specifiers a parsed file loads, in source order (for {@code check}). */
final class Dependencies {

    private Dependencies() {
    }

    static List<ModuleTransform.Dependency> of(String code) throws Swc.ParseError {
        List<ModuleTransform.Dependency> found = new ArrayList<>();
        walk(Swc.parse(code).getProgram(), found);
        return List.copyOf(found);
    }

    private static void walk(ISwc4jAst node, List<ModuleTransform.Dependency> found) {
        if (node instanceof Swc4jAstImportDecl d && !d.isTypeOnly()) {
            add(d.getSrc(), found);
        } else if (node instanceof Swc4jAstNamedExport e && !e.isTypeOnly()) {
            e.getSrc().ifPresent(s -> add(s, found));
        } else if (node instanceof Swc4jAstExportAll e && !e.isTypeOnly()) {
            add(e.getSrc(), found);
        } else if (node instanceof Swc4jAstCallExpr call && call.getArgs().size() == 1
                && call.getArgs().get(0).getSpread().isEmpty()
                && call.getArgs().get(0).getExpr() instanceof Swc4jAstStr s
                && (call.getCallee() instanceof Swc4jAstImport
                    || call.getCallee() instanceof Swc4jAstIdent id && id.getSym().equals("require"))) {
            add(s, found);
        }
        for (ISwc4jAst child : node.getChildNodes()) {
            if (child != null) {
                walk(child, found);
            }
        }
    }

    private static void add(Swc4jAstStr s, List<ModuleTransform.Dependency> found) {
        found.add(new ModuleTransform.Dependency(s.getValue(), s.getSpan().getLine()));
    }
}
