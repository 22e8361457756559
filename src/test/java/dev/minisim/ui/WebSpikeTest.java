package dev.minisim.ui;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.Test;

class WebSpikeTest {
    @Test
    void spike() throws Exception {
        FxPlatform.startup();
        WebView[] wv = new WebView[1];
        Scene[] sc = new Scene[1];
        FxPlatform.call(() -> {
            wv[0] = new WebView();
            javafx.stage.Stage st = new javafx.stage.Stage();
            sc[0] = new Scene(new StackPane(wv[0]), 375, 600);
            st.setScene(sc[0]);
            st.show();
            wv[0].getEngine().loadContent("<html><body style='margin:0;font-family:\"WenQuanYi Micro Hei\",sans-serif'><div style='display:flex;justify-content:space-between;padding:10px;background:linear-gradient(#07c160,#fff)'><span>开通免密支付</span><span style='box-shadow:0 2px 6px #000;background:#fff'>Hello 世界</span></div><button style='width:90%'>按钮</button></body></html>");
            return null;
        });
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            boolean done = FxPlatform.call(() -> wv[0].getEngine().getLoadWorker().getState() == javafx.concurrent.Worker.State.SUCCEEDED);
            if (done) break;
        }
        Thread.sleep(300);
        FxPlatform.call(() -> { Snapshots.write(sc[0], Path.of("target/spike.png")); return null; });
    }
}
