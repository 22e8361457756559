package dev.minisim.cli;

import dev.minisim.app.Simulation;
import dev.minisim.auto.Screenshots;
import dev.minisim.ui.FxPlatform;
import dev.minisim.ui.PhonePage;
import dev.minisim.ui.Snapshots;
import java.io.ByteArrayOutputStream;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * {@code App.captureScreenshot} for {@code auto}: the top page as the window paints it, off
 * screen (the painter {@code shot} uses). JavaFX starts at the first screenshot, not at launch,
 * so a session that takes none pays nothing for it.
 */
final class AutoScreenshots implements Screenshots {

    /** The phone's screen height the picture shows (an iPhone 6/7/8's 667 px under its 375 px width). */
    private static final double HEIGHT = 667;

    private PhonePage phone;
    private Scene scene;

    @Override
    public void attach(Simulation simulation) {
    }

    @Override
    public byte[] png(Simulation simulation) throws Exception {
        if (phone == null) {
            FxPlatform.startup();
            phone = FxPlatform.call(PhonePage::new);
            phone.attach(simulation, false);
            scene = FxPlatform.call(() -> {
                Scene s = new Scene(new StackPane(phone.node()), 375, HEIGHT);
                Stage stage = new Stage();
                stage.setScene(s);
                stage.show();
                return s;
            });
        }
        phone.paintAndWait();
        return FxPlatform.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(Snapshots.image(scene), "png", out);
            return out.toByteArray();
        });
    }
}
