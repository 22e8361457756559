package dev.minisim.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered tree's elements by id, class and tag, in document order, built in one walk: a page
 * whose components each query it on mount (antd-mini's Calendar: four page-wide queries per
 * calendar) looks up the few candidates instead of walking the whole tree per request. Valid for
 * the tree as it was built; whoever changes the tree (a render pass) drops it.
 */
public final class SelectorIndex {

    private final VElement root;
    private final Map<String, List<VElement>> byKey = new HashMap<>();

    private SelectorIndex(VElement root) {
        this.root = root;
    }

    /** Indexes {@code root} and everything below it. */
    public static SelectorIndex of(VElement root) {
        SelectorIndex index = new SelectorIndex(root);
        root.walk(index::add);
        return index;
    }

    /** The element it was built from. */
    public VElement root() {
        return root;
    }

    private void add(VElement e) {
        put(e.tag(), e);
        String id = e.id();
        if (!id.isEmpty()) {
            put("#" + id, e);
        }
        String classes = e.attr("class");
        int n = classes.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(classes.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(classes.charAt(i))) {
                i++;
            }
            if (i > start) {
                String key = "." + classes.substring(start, i);
                List<VElement> list = byKey.get(key);
                // a class written twice on one element lists the element once
                if (list == null || list.get(list.size() - 1) != e) {
                    put(key, e);
                }
            }
        }
    }

    private void put(String key, VElement e) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }

    /** As {@link Selector#selectAll(VElement)} on the indexed root: every match, in document order. */
    public List<VElement> selectAll(Selector selector) {
        String key = selector.indexKey();
        if (key == null) {
            return selector.selectAll(root);
        }
        List<VElement> out = new ArrayList<>();
        for (VElement e : byKey.getOrDefault(key, List.of())) {
            if (selector.matches(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
