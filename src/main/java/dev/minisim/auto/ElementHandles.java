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
 * element and where the element comes from: its template line, its owner (the page or a
 * component instance) and which of that line's elements it is (a {@code wx:for} row). The id
 * names the element itself while it is still on the page, else the element the same line of the
 * same owner renders now at that occurrence; an {@code a:if} that adds an element elsewhere
 * changes neither. Runtime thread only.
 */
final class ElementHandles {

    private record Handle(int pageId, VElement element, int occurrence) {
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
        byId.put(id, new Handle(pageId, element, occurrence(element)));
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
        VElement at = nth(root, h.element(), h.occurrence());
        if (at == null) {
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

    private static boolean sameSource(VElement a, VElement b) {
        return a.line() == b.line() && a.tag().equals(b.tag()) && java.util.Objects.equals(a.file(), b.file())
                && java.util.Objects.equals(a.owner(), b.owner());
    }

    /** Which of the elements its template line renders (in document order) {@code e} is. */
    private static int occurrence(VElement e) {
        VElement root = e;
        while (root.parent() != null) {
            root = root.parent();
        }
        int[] count = {0};
        int[] found = {-1};
        root.walk(x -> {
            if (x == e) {
                found[0] = count[0];
            }
            if (sameSource(x, e)) {
                count[0]++;
            }
        });
        return Math.max(0, found[0]);
    }

    /** The {@code n}th element the same template line as {@code like} renders under {@code root}, or null. */
    private static VElement nth(VElement root, VElement like, int n) {
        List<VElement> same = new ArrayList<>();
        root.walk(x -> {
            if (sameSource(x, like)) {
                same.add(x);
            }
        });
        return n < same.size() ? same.get(n) : null;
    }
}
