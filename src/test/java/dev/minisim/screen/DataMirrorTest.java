package dev.minisim.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC "setData with path keys" as the Java-side mirror applies it: the same result as the JS
 * world's setPath on this.data read back as JSON, containers along the path new, the rest shared.
 */
class DataMirrorTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String s) {
        return (Map<String, Object>) Screen.parse(s);
    }

    private static Map<String, Object> apply(String root, String applied) {
        return DataMirror.apply(json(root), json(applied)).orElse(null);
    }

    @Test
    void pathKeysSetNestedKeysIndexesAndNewKeys() {
        assertThat(apply("{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]},\"n\":0}",
                "{\"a.b[1].c\":5,\"n\":1,\"fresh.x\":true,\"arr[1]\":\"y\"}"))
                .isEqualTo(json("{\"a\":{\"b\":[{\"c\":1},{\"c\":5}]},\"n\":1,\"fresh\":{\"x\":true},\"arr\":[null,\"y\"]}"));
        // a dotted number on an array is an index too; past the end leaves holes (null in JSON)
        assertThat(apply("{\"l\":[1]}", "{\"l.3\":4}")).isEqualTo(json("{\"l\":[1,null,null,4]}"));
    }

    @Test
    void containersAlongThePathAreNewAndTheRestIsShared() {
        // the renderer's reuse compares what each wx:for item read: in-place changes would look unchanged
        Map<String, Object> before = json("{\"list\":[{\"t\":\"a\"},{\"t\":\"b\"}],\"other\":{\"k\":1}}");
        Map<String, Object> after = DataMirror.apply(before, json("{\"list[1].t\":\"B\"}")).orElseThrow();
        List<?> oldList = (List<?>) before.get("list");
        List<?> newList = (List<?>) after.get("list");
        assertThat(after).isNotSameAs(before);
        assertThat(newList).isNotSameAs(oldList);
        assertThat(newList.get(0)).isSameAs(oldList.get(0));
        assertThat(after.get("other")).isSameAs(before.get("other"));
        assertThat(((Map<?, ?>) oldList.get(1)).get("t")).as("the old data is untouched").isEqualTo("b");
        assertThat(((Map<?, ?>) newList.get(1)).get("t")).isEqualTo("B");
    }

    @Test
    void newArrayIndexKeysOfAnObjectComeFirstInAscendingOrderAsInJs() {
        Map<String, Object> out = apply("{\"o\":{\"2\":\"two\",\"b\":1}}", "{\"o[1]\":\"one\",\"o.5\":\"five\",\"o.z\":0}");
        assertThat(((Map<?, ?>) out.get("o")).keySet().stream().map(String::valueOf).toList()).containsExactly("1", "2", "5", "b", "z");
    }

    @Test
    void whatJsonCannotTellIsLeftToAWholeRead() {
        // a string in the JSON may be a Date in JS, which setPath would keep and change
        assertThat(apply("{\"d\":\"2024-01-01T00:00:00.000Z\"}", "{\"d.x\":1}")).isNull();
        assertThat(apply("{\"l\":[1,2]}", "{\"l.length\":0}")).isNull();
        assertThat(apply("{}", "{\"__proto__.x\":1}")).isNull();
        assertThat(apply("{}", "{\"\":1}")).isNull();
        assertThat(apply("{\"l\":[]}", "{\"l[99999999]\":1}")).isNull();
        // null or a missing value is replaced by a new container, as setPath does
        assertThat(apply("{\"a\":null}", "{\"a[0].b\":1}")).isEqualTo(json("{\"a\":[{\"b\":1}]}"));
    }
}
