package dev.minisim.program;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minisim.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which platform a folder is written for (SPEC "Pages on screen": the platform follows from the
 * folder, a {@code minisim.json} {@code platform} key overrides), in this order:
 * <ol>
 * <li>{@code minisim.json} {@code "platform": "wechat" | "alipay"};</li>
 * <li>the IDE's project file: {@code project.config.json} (WeChat DevTools) or
 *     {@code mini.project.json} (Alipay's IDE), when there is exactly one;</li>
 * <li>the template and style files: {@code .wxml/.wxss/.wxs} against {@code .axml/.acss/.sjs};</li>
 * <li>a folder with none of these (scripts only) is a guess, said in a warning: the namespace
 *     its scripts call more often, else Alipay.</li>
 * </ol>
 */
final class FolderPlatform {

    /**
     * The platform; what in the folder says it ({@code "project.config.json"}, ...); and the
     * warning when it is a guess (null when the folder says it plainly).
     */
    record Detected(Platform platform, String because, String guess) {
    }

    private static final Set<String> WECHAT_FILES = Set.of("wxml", "wxss", "wxs");
    private static final Set<String> ALIPAY_FILES = Set.of("axml", "acss", "sjs");
    private static final Set<String> SKIPPED = Set.of("node_modules", "miniprogram_npm", ".git");
    private static final Pattern CALL = Pattern.compile("(?<![\\w$.])(wx|my)\\s*\\.\\s*[A-Za-z_$]");
    /** Enough files to tell; a folder is not read past this. */
    private static final int MAX_FILES = 4000;

    private FolderPlatform() {
    }

    static Detected detect(Path folder, Path root) throws BadInputException {
        Path cfg = folder.resolve("minisim.json");
        if (Files.isRegularFile(cfg)) {
            JsonNode named = MiniProgram.readJson(cfg, "minisim.json").path("platform");
            if (!named.isMissingNode()) {
                return new Detected(Platform.of(named.asText("")).filter(p -> named.isTextual())
                        .orElseThrow(() -> BadInputException.at("minisim.json", 1,
                                "\"platform\" must be \"wechat\" or \"alipay\", found " + named)), "minisim.json", null);
            }
        }
        boolean wechatProject = Files.isRegularFile(folder.resolve("project.config.json"));
        boolean alipayProject = Files.isRegularFile(folder.resolve("mini.project.json"));
        if (wechatProject != alipayProject) {
            return new Detected(wechatProject ? Platform.WECHAT : Platform.ALIPAY,
                    wechatProject ? "project.config.json" : "mini.project.json", null);
        }
        int[] counts = count(root);
        if (counts[0] != counts[1]) {
            boolean wechat = counts[0] > counts[1];
            return new Detected(wechat ? Platform.WECHAT : Platform.ALIPAY,
                    wechat ? "its .wxml/.wxss files" : "its .axml/.acss files", null);
        }
        Platform guess = counts[2] > counts[3] ? Platform.WECHAT : Platform.ALIPAY;
        String why = counts[2] + counts[3] == 0 ? "nothing in the folder says which" : "its scripts call "
                + guess.namespace() + " most";
        return new Detected(guess, "a guess", "this folder has no project.config.json, mini.project.json or templates that "
                + "tell its platform; running it as " + (guess == Platform.WECHAT ? "a WeChat" : "an Alipay")
                + " mini-program (" + guess.namespace() + ") because " + why
                + ". Say which in minisim.json: {\"platform\": \"wechat\"} or {\"platform\": \"alipay\"}");
    }

    /** WeChat template/style files, Alipay ones, then {@code wx.} and {@code my.} uses in scripts. */
    private static int[] count(Path root) {
        int[] counts = new int[4];
        List<Path> scripts = new java.util.ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                int seen;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    String ext = name.substring(name.lastIndexOf('.') + 1);
                    if (WECHAT_FILES.contains(ext)) {
                        counts[0]++;
                    } else if (ALIPAY_FILES.contains(ext)) {
                        counts[1]++;
                    } else if (ext.equals("js") || ext.equals("ts")) {
                        scripts.add(file);
                    }
                    return ++seen >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (counts[0] == counts[1]) {
            for (Path script : scripts.subList(0, Math.min(scripts.size(), 200))) {
                try {
                    Matcher m = CALL.matcher(Files.readString(script, StandardCharsets.UTF_8));
                    while (m.find()) {
                        counts[m.group(1).equals("wx") ? 2 : 3]++;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // unreadable or not UTF-8: no vote
                }
            }
        }
        return counts;
    }
}
