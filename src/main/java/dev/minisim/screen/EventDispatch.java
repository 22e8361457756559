package dev.minisim.screen;

import dev.minisim.view.Binding;
import dev.minisim.view.VElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which handlers an event on a rendered element calls, in order, by each platform's rules
 * (SPEC "Events"): capture listeners root to target, then bubbling ones target to root; a
 * {@code catch} binding stops the event after its handler; of the {@code mut-bind} handlers along
 * the path only the first runs; events that do not bubble ({@code input}, {@code change},
 * {@code submit}, a component's own events unless asked) reach only the target's own bindings.
 *
 * <p>Each handler sees the event as its owner's template sees it: a tap inside a custom component
 * that bubbles out of it is, for the page's handlers, a tap on the component's element.
 */
public final class EventDispatch {

    /** One handler to call: where it is looked up, its name, and the element it is bound on. */
    public record Invocation(Binding binding, VElement currentTarget, VElement target) {
        public String owner() {
            return binding.owner();
        }

        public String handler() {
            return binding.handler();
        }
    }

    private EventDispatch() {
    }

    /**
     * The handlers {@code event} on {@code target} calls, in order.
     *
     * @param bubbles  whether the event bubbles (tap, longpress, touch events) or stays on its target
     * @param capture  whether capture-phase listeners hear it (touch events and tap; not a component's own events)
     * @param composed whether it crosses component boundaries while bubbling
     */
    public static List<Invocation> route(VElement target, String event, boolean bubbles, boolean capture, boolean composed) {
        List<VElement> path = new ArrayList<>();   // target first, root last
        for (VElement e = target; e != null; e = e.parent()) {
            if (!composed && !path.isEmpty() && !sameTree(e, target)) {
                break;
            }
            path.add(e);
        }
        List<Invocation> out = new ArrayList<>();
        boolean mutDone = false;
        if (capture) {
            for (int i = path.size() - 1; i >= 0; i--) {
                VElement e = path.get(i);
                for (Binding b : e.bindings()) {
                    if (b.capture() && b.event().equals(event)) {
                        out.add(new Invocation(b, e, retarget(target, b.owner())));
                        if (b.stops()) {
                            return out;
                        }
                    }
                }
            }
        }
        int last = bubbles ? path.size() : 1;
        for (int i = 0; i < last; i++) {
            VElement e = path.get(i);
            boolean stop = false;
            for (Binding b : e.bindings()) {
                if (b.capture() || !b.event().equals(event)) {
                    continue;
                }
                if (b.mutated()) {
                    if (mutDone) {
                        continue;
                    }
                    mutDone = true;
                }
                out.add(new Invocation(b, e, retarget(target, b.owner())));
                stop |= b.stops();
            }
            if (stop) {
                break;
            }
        }
        return out;
    }

    /** Whether {@code e} belongs to the same template instance as {@code target} (or hosts it). */
    private static boolean sameTree(VElement e, VElement target) {
        return e.owner().equals(target.owner());
    }

    /**
     * The element a handler owned by {@code owner} sees as the target: the touched element when
     * the owner wrote it, else the nearest ancestor that the owner wrote (a component's element).
     */
    static VElement retarget(VElement touched, String owner) {
        for (VElement e = touched; e != null; e = e.parent()) {
            if (e.owner().equals(owner)) {
                return e;
            }
        }
        return touched;
    }

    /** WeChat's {@code mark}: the marks from the root down to the target, the nearer winning. */
    public static Map<String, Object> mark(VElement target) {
        List<VElement> chain = new ArrayList<>();
        for (VElement e = target; e != null; e = e.parent()) {
            chain.add(0, e);
        }
        Map<String, Object> mark = new LinkedHashMap<>();
        for (VElement e : chain) {
            mark.putAll(e.mark());
        }
        return mark;
    }
}
