package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 8: "Each namespace holds exactly the client's API names, taken from the platforms' published typings". */
class ApiRegistryTest {

    private final ApiRegistry apis = new ApiRegistry();

    @Test
    void theSurfaceIsExactlyTheTypingsNamesWhateverMiniSimImplements() {
        apis.async("alert", call -> call.ok(Map.of()));          // Alipay's; WeChat has no wx.alert
        apis.sync("getStorageSync", (ns, a) -> null);
        Map<String, Object> wx = apis.surface("wx");
        assertThat(wx.keySet()).isEqualTo(ApiNames.bundled().of("wx").keySet());
        assertThat(wx).doesNotContainKey("alert").containsEntry("getStorageSync", "sync");
        assertThat(apis.surface("my")).containsEntry("alert", "async");
    }

    @Test
    void anUnimplementedApiGetsAStandInOfItsShape() {
        Map<String, Object> wx = apis.surface("wx");
        assertThat(wx).containsEntry("openBluetoothAdapter", "async")     // takes success/fail/complete
                .containsEntry("getBatteryInfoSync", "sync")
                .containsEntry("createSelectorQuery", "factory")
                .containsEntry("onThemeChange", "listener")
                .containsEntry("createBLEConnection", "async");          // create..., yet a callback API
        assertThat(wx.get("router")).isEqualTo(Map.of("members",
                Map.of("addRouteBuilder", "sync", "getRouteContext", "factory", "removeRouteBuilder", "sync")));
    }

    @Test
    void valuesAreRegisteredDataAndCanIUseAsksTheTypings() {
        apis.value("my", "SDKVersion", () -> "2.9.11");
        assertThat(apis.surface("my")).containsEntry("SDKVersion", Map.of("value", "2.9.11"));
        assertThat(apis.exists("wx", "openBluetoothAdapter")).isTrue();
        assertThat(apis.exists("wx", "getAuthCode")).isFalse();
        assertThat(apis.exists("my", "getAuthCode")).isTrue();
        assertThat(apis.exists("my", "signContract")).as("kept although the typings lack it (Alipay+)").isTrue();
    }
}
