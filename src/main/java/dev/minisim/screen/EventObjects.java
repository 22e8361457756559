package dev.minisim.screen;

import dev.minisim.view.VElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event object a handler receives, in each platform's shape (SPEC "Events").
 *
 * <p>WeChat: {@code {type, timeStamp, target: {id, dataset, offsetLeft, offsetTop}, currentTarget,
 * mark, detail, touches, changedTouches}}. Alipay (事件对象): {@code target.dataset} is the dataset
 * of the element the handler is bound to and {@code target.targetDataset} that of the element
 * touched; {@code target.tagName} is given.
 */
public final class EventObjects {

    private EventObjects() {
    }

    public static Map<String, Object> build(boolean alipay, String type, VElement target, VElement currentTarget,
                                            Object detail, long timeStamp, boolean touch) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("timeStamp", timeStamp);
        if (alipay) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", target.id());
            t.put("tagName", target.tag());
            t.put("dataset", new LinkedHashMap<>(currentTarget.dataset()));
            t.put("targetDataset", new LinkedHashMap<>(target.dataset()));
            e.put("target", t);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", currentTarget.id());
            c.put("tagName", currentTarget.tag());
            c.put("dataset", new LinkedHashMap<>(currentTarget.dataset()));
            e.put("currentTarget", c);
        } else {
            e.put("target", element(target));
            e.put("currentTarget", element(currentTarget));
            e.put("mark", EventDispatch.mark(target));
        }
        e.put("detail", detail == null ? new LinkedHashMap<>() : detail);
        if (touch) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("identifier", 0);
            Object x = detail instanceof Map<?, ?> m ? m.get("x") : 0;
            Object y = detail instanceof Map<?, ?> m ? m.get("y") : 0;
            point.put("pageX", x);
            point.put("pageY", y);
            point.put("clientX", x);
            point.put("clientY", y);
            e.put("touches", "touchend".equals(type) ? List.of() : List.of(point));
            e.put("changedTouches", List.of(point));
        }
        return e;
    }

    private static Map<String, Object> element(VElement el) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", el.id());
        t.put("dataset", new LinkedHashMap<>(el.dataset()));
        t.put("offsetLeft", 0);
        t.put("offsetTop", 0);
        return t;
    }
}
