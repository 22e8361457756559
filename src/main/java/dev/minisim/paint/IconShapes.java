package dev.minisim.paint;

import java.util.Map;

/**
 * The built-in {@code <icon>} types drawn as the clients draw them (WeUI's icon font: a filled
 * circle with a white mark, or a bare mark for {@code success_no_circle} and {@code search}), as
 * inline SVG in {@code currentColor}, so no font is needed and no glyph can come out as a box.
 */
final class IconShapes {

    /** White marks on a filled circle (viewBox 0 0 24 24). */
    private static final Map<String, String> ON_CIRCLE = Map.of(
            "success", "<path d=\"M6.5 12.4l3.6 3.6 7.4-7.6\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1.8\"/>",
            "info", "<rect x=\"11\" y=\"10\" width=\"2\" height=\"8\" fill=\"#fff\"/><circle cx=\"12\" cy=\"7\" r=\"1.3\" fill=\"#fff\"/>",
            "warn", "<rect x=\"11\" y=\"5.5\" width=\"2\" height=\"8.5\" fill=\"#fff\"/><circle cx=\"12\" cy=\"17.2\" r=\"1.3\" fill=\"#fff\"/>",
            "waiting", "<path d=\"M12 6v6.5l4 2.5\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1.8\"/>",
            "cancel", "<path d=\"M8 8l8 8M16 8l-8 8\" stroke=\"#fff\" stroke-width=\"1.8\"/>",
            "clear", "<path d=\"M8.5 8.5l7 7M15.5 8.5l-7 7\" stroke=\"#fff\" stroke-width=\"1.6\"/>",
            "download", "<path d=\"M12 6v10M7.5 11.5l4.5 4.5 4.5-4.5\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1.8\"/>");

    /** Marks drawn in the icon's colour without a circle. */
    private static final Map<String, String> BARE = Map.of(
            "success_no_circle", "<path d=\"M3.5 12.5l5.5 5.5 11.5-12\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.2\"/>",
            "search", "<circle cx=\"10.5\" cy=\"10.5\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>"
                    + "<path d=\"M15.3 15.3l5.2 5.2\" stroke=\"currentColor\" stroke-width=\"2.2\"/>");

    private IconShapes() {
    }

    /** Whether {@code type} is a type the clients draw (an unknown type draws nothing, as there). */
    static boolean known(String type) {
        return ON_CIRCLE.containsKey(type) || BARE.containsKey(type);
    }

    /** The icon as an SVG element {@code size} px square, in {@code currentColor}. */
    static String svg(String type, String size) {
        String inner = BARE.containsKey(type) ? BARE.get(type)
                : "<circle cx=\"12\" cy=\"12\" r=\"12\" fill=\"currentColor\"/>" + ON_CIRCLE.getOrDefault(type, "");
        return "<svg class=\"ms-icon-svg\" viewBox=\"0 0 24 24\" width=\"" + size + "\" height=\"" + size
                + "\" aria-hidden=\"true\">" + inner + "</svg>";
    }
}
