package dev.minisim.ui;

import dev.minisim.paint.PaintedPage;
import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which painted element ({@code ms-id}) stands for which element path of the rendered tree (the
 * path the WXML panel names rows by, {@link dev.minisim.app.ViewState.Element#path()}). Both sides
 * walk the same {@link VElement} tree, counting every child (text nodes too), so a path names the
 * same node in the panel and here. A text node is not painted as an element of its own: its path
 * points at its parent's painted element. Built on the runtime thread (it reads the tree), then
 * read on the FX thread.
 */
record PaintedPaths(Map<String, Integer> idByPath, Map<Integer, String> pathById) {

    static final PaintedPaths EMPTY = new PaintedPaths(Map.of(), Map.of());

    /** Walks {@code root} (the tree {@code page} was painted from). Runtime thread. */
    static PaintedPaths of(VElement root, PaintedPage page) {
        Map<String, Integer> byPath = new HashMap<>();
        Map<Integer, String> byId = new HashMap<>();
        walk(root, "", -1, page, byPath, byId);
        return new PaintedPaths(Map.copyOf(byPath), Map.copyOf(byId));
    }

    private static void walk(VNode node, String path, int parentId, PaintedPage page,
                             Map<String, Integer> byPath, Map<Integer, String> byId) {
        if (!(node instanceof VElement e)) {
            if (parentId >= 0) {
                byPath.put(path, parentId);
            }
            return;
        }
        int id = page.idOf(e).orElse(-1);
        if (id >= 0) {
            byPath.put(path, id);
            byId.put(id, path);
        }
        List<VNode> kids = e.children();
        for (int i = 0; i < kids.size(); i++) {
            walk(kids.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i, id >= 0 ? id : parentId, page, byPath, byId);
        }
    }

    /** The painted id of the node at {@code path}, or -1. */
    int idOf(String path) {
        Integer id = path == null ? null : idByPath.get(path);
        return id == null ? -1 : id;
    }

    /** The path of painted element {@code id}, or null. */
    String pathOf(int id) {
        return pathById.get(id);
    }
}
