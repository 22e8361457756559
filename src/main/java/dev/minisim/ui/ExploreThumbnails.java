package dev.minisim.ui;

import dev.minisim.app.Simulation;
import dev.minisim.explore.Branch;
import dev.minisim.explore.Explorer;
import dev.minisim.scenario.ScenarioPlayer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Thumbnails of the explored leaves for {@code explore --html}: each branch is replayed once more
 * while the phone's painted page follows it off screen (as {@code shot} paints), and the page at
 * the end is snapshot and scaled down. A leaf that cannot be painted gets none (null).
 */
public final class ExploreThumbnails {

    /** Width of a thumbnail, in pixels. */
    static final int WIDTH = 180;

    private ExploreThumbnails() {
    }

    /** A painter for {@code explorer}'s branches; the toolkit starts on first use. */
    public static Function<Branch, byte[]> of(Explorer explorer) {
        PhonePage[] phone = {null};
        Stage[] stage = {null};
        return branch -> {
            try {
                if (phone[0] == null) {
                    FxPlatform.startup();
                    FxPlatform.call(() -> {
                        phone[0] = new PhonePage();
                        phone[0].view().stillFrames(); // a leaf's picture, not a moment of its fade
                        StackPane root = new StackPane(phone[0].node());
                        stage[0] = new Stage();
                        stage[0].setScene(new Scene(root, 375, 667));
                        stage[0].show();
                        return null;
                    });
                }
                byte[][] png = {null};
                explorer.play(branch.choices(), e -> { }, new ScenarioPlayer.Observer() {
                    @Override
                    public void created(Simulation sim) {
                        phone[0].attach(sim, false);
                    }

                    @Override
                    public void finished(Simulation sim) {
                        try {
                            phone[0].paintAndWait();
                            png[0] = FxPlatform.call(() -> scaled(phone[0]));
                        } catch (Exception e) {
                            png[0] = null;
                        }
                    }
                });
                return png[0];
            } catch (Exception e) {
                return null;
            }
        };
    }

    private static byte[] scaled(PhonePage phone) throws java.io.IOException {
        javafx.scene.image.WritableImage img = phone.node().snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        if (w == 0 || h == 0) {
            return null;
        }
        BufferedImage full = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader px = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                full.setRGB(x, y, px.getArgb(x, y));
            }
        }
        int th = Math.max(1, h * WIDTH / w);
        BufferedImage small = new BufferedImage(WIDTH, th, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, WIDTH, th, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(small, "png", out);
        return out.toByteArray();
    }
}
