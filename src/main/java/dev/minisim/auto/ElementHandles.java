package dev.minisim.auto;

import dev.minisim.app.Simulation;
import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol's element ids ({@code elementId}) for elements of the rendered pages. A page's
 * tree is re-rendered after each setData and may reuse or replace nodes, so an id keeps its
 * element and the element's place (child indexes from the page's root): the element itself while
 * it is still on the page, else whatever now stands at that place with the same tag. Runtime
 * thread only.
 */
final class ElementHandles {

    private record Handle(int pageId, VElement element, List<Integer> place) {
    }

    private final Map<String, Handle> byId = new HashMap<>();
    private final Map<VElement, String> ids = new java.util.IdentityHashMap<>();
    private int next;

    /** The id of {@code element} of page {@code pageId} (the same id each time it is asked). */
    String id(int pageId, VElement element) {
        String id = ids.get(element);
        if (id != null && byId.get(id).pageId() == pageId) {
            return id;
        }
        id = "e" + (++next);
        byId.put(id, new Handle(pageId, element, place(element)));
        ids.put(element, id);
        return id;
    }

    /** The answer that describes {@code element}: elementId, tagName, and nodeId for a custom component. */
    Map<String, Object> describe(int pageId, VElement element) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("elementId", id(pageId, element));
        m.put("tagName", element.tag());
        if (element.component() != null) {
            m.put("nodeId", element.component());
        }
        return m;
    }

    /** The element {@code elementId} names on page {@code pageId}, as the page is rendered now. */
    VElement resolve(Simulation sim, int pageId, String elementId) {
        Handle h = byId.get(elementId);
        if (h == null || h.pageId() != pageId) {
            throw new AutoError("no element " + elementId + " on page " + pageId);
        }
        VElement root = sim.screen().tree(pageId).orElseThrow(() -> new AutoError("page " + pageId + " is gone"));
        if (attached(h.element(), root)) {
            return h.element();
        }
        VElement at = root;
        for (int i : h.place()) {
            List<VElement> kids = elements(at);
            if (i >= kids.size()) {
                at = null;
                break;
            }
            at = kids.get(i);
        }
        if (at == null || !at.tag().equals(h.element().tag())) {
            throw new AutoError("element " + elementId + " (" + h.element() + ") is no longer on the page");
        }
        return at;
    }

    /**
     * Whether {@code e} is in the tree under {@code root} now: a node a re-render replaced keeps
     * its parent pointer, so each parent must still hold it among its children.
     */
    private static boolean attached(VElement e, VElement root) {
        VElement at = e;
        while (at.parent() != null) {
            VElement parent = at.parent();
            boolean held = false;
            for (VNode c : parent.children()) {
                if (c == at) {
                    held = true;
                    break;
                }
            }
            if (!held) {
                return false;
            }
            at = parent;
        }
        return at == root;
    }

    private static List<Integer> place(VElement e) {
        List<Integer> path = new ArrayList<>();
        for (VElement at = e; at.parent() != null; at = at.parent()) {
            path.add(0, elements(at.parent()).indexOf(at));
        }
        return path;
    }

    private static List<VElement> elements(VElement parent) {
        List<VElement> out = new ArrayList<>();
        for (VNode n : parent.children()) {
            if (n instanceof VElement e) {
                out.add(e);
            }
        }
        return out;
    }
}
