package dev.minisim.ui;

import dev.minisim.frame.Frame;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Draws the status bar and the navigation bar of the phone from a {@link Frame}: the bar's
 * colour (the status bar shares it, as in the client), the title in black or white, back or home
 * on the left, the loading spinner; with {@code navigationStyle: custom} only the capsule stays.
 */
final class NavigationBarView {

    private final Region chrome;
    private final Region navBar;
    private final Label title;
    private final Label time;
    private final Label wallet;
    private final Button back;
    private final Button home;
    private final Label loading;
    private final Region capsule;

    NavigationBarView(Region chrome, Region navBar, Label title, Label time, Label wallet, Button back, Button home,
                      Label loading, Region capsule) {
        this.chrome = chrome;
        this.navBar = navBar;
        this.title = title;
        this.time = time;
        this.wallet = wallet;
        this.back = back;
        this.home = home;
        this.loading = loading;
        this.capsule = capsule;
        show(Frame.NONE);
    }

    void show(Frame frame) {
        Frame.Bar bar = frame.nav();
        String text = bar.textColor();
        chrome.setStyle("-fx-background-color: " + (bar.custom() ? "transparent" : bar.background()) + ";");
        navBar.getStyleClass().removeAll("nav-custom");
        if (bar.custom()) {
            navBar.getStyleClass().add("nav-custom");
        }
        title.setText(bar.title());
        title.setVisible(!bar.custom());
        String ink = "-fx-text-fill: " + (bar.custom() ? "#000000" : text) + ";";
        title.setStyle(ink);
        time.setStyle(ink);
        wallet.setStyle(ink + " -fx-opacity: 0.7;");
        back.setStyle(ink);
        home.setStyle(ink);
        loading.setStyle(ink);
        capsule.getStyleClass().removeAll("capsule-dark");
        if (!bar.custom() && text.equals(dev.minisim.frame.NavigationBarSettings.WHITE)) {
            capsule.getStyleClass().add("capsule-dark");
        }
        show(back, frame.back() && !bar.custom());
        show(home, frame.home() && !bar.custom());
        show(loading, bar.loading() && !bar.custom());
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
