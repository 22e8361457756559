package dev.minisim.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop simulator window. Started by {@code open}; the views are in fxml/. */
public final class DesktopApp extends Application {

    private static volatile LiveSession early;
    private static volatile boolean exitAfterFirstFrame;
    private static volatile long firstFrameMillis = -1;
    private static volatile long homeShownMillis = -1;
    private static volatile long pagePaintedMillis = -1;
    private MainController controller;

    /**
     * Opens the window on {@code app} (a bundled sample when null); returns when it closes. With
     * {@code benchmarkOnly} it closes as soon as the first page is on screen.
     */
    public static void launch(Path app, boolean benchmarkOnly) {
        StartTiming.mark("launch");
        exitAfterFirstFrame = benchmarkOnly;
        BundledFonts.install();
        NativeLibraries.besideJar();
        StartTiming.mark("natives beside the jar");
        // the mini-program's JS runtime and app.js start now, on their own thread, while the
        // toolkit, the window and the WebView are made on this one; the window adopts the session
        early = LiveSession.early(app != null ? app : Samples.extract(Samples.DEFAULT), "default");
        Application.launch(DesktopApp.class);
    }

    /** Milliseconds from JVM start to the first page's data on screen (-1 before it). */
    public static long homeShownMillis() {
        return homeShownMillis;
    }

    /** Milliseconds from JVM start to the first page painted by the WebView on screen (-1 before it). */
    public static long pagePaintedMillis() {
        return pagePaintedMillis;
    }

    /** Milliseconds from JVM start to the window's first frame (-1 before it). */
    public static long firstFrameMillis() {
        return firstFrameMillis;
    }

    /** Loads main.fxml with its stylesheet and the painted page in the phone; the controller is the loader's. */
    static FXMLLoader load() throws IOException {
        FXMLLoader loader = loadWithoutPage();
        ((MainController) loader.getController()).showPage();
        return loader;
    }

    /** Loads main.fxml with its stylesheet; the painted page's WebView is not made yet ({@link MainController#showPage}). */
    private static FXMLLoader loadWithoutPage() throws IOException {
        BundledFonts.load();
        StartTiming.mark("fonts loaded");
        FXMLLoader loader = new FXMLLoader(DesktopApp.class.getResource("/fxml/main.fxml"));
        loader.load();
        Parent root = loader.getRoot();
        root.getStylesheets().add(DesktopApp.class.getResource("/fxml/minisim.css").toExternalForm());
        return loader;
    }

    @Override
    public void start(Stage stage) throws IOException {
        StartTiming.mark("Application.start");
        FXMLLoader loader = loadWithoutPage();
        StartTiming.mark("main.fxml loaded");
        controller = loader.getController();
        controller.attach(stage);
        // the session starts its JS runtime on its own thread first, then this thread makes the
        // WebView (open() does both): the two largest costs of the start overlap on two cores
        controller.adopt(early);
        StartTiming.mark("session adopted, page shown");
        stage.setScene(new Scene(loader.getRoot(), 1280, 860));
        stage.setTitle("MiniSim");
        stage.show();
        StartTiming.mark("stage shown");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (firstFrameMillis < 0) {
                    StartTiming.mark("first frame");
                    firstFrameMillis = System.currentTimeMillis() - jvmStart;
                }
                if (homeShownMillis < 0 && (!controller.model().methods().isEmpty() || !controller.model().route().get().isEmpty())) {
                    homeShownMillis = System.currentTimeMillis() - jvmStart;
                }
                // the WebView has drawn the home page's paint (its future completes two pulses after)
                if (pagePaintedMillis < 0 && controller.phonePage().view().drawn()) {
                    StartTiming.mark("first page painted");
                    pagePaintedMillis = System.currentTimeMillis() - jvmStart;
                }
                if (homeShownMillis >= 0 && pagePaintedMillis >= 0) {
                    stop();
                    if (exitAfterFirstFrame) {
                        Platform.exit();
                    }
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
    }
}
