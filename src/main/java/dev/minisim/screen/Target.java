package dev.minisim.screen;

/**
 * What a step on the rendered page aims at (CONTRACT "TARGET"): a selector, the element's whole
 * text, and which match in document order; any of the three may be absent.
 */
public record Target(String selector, String text, int index) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (selector != null) {
            sb.append('"').append(selector).append('"');
        }
        if (text != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("with text \"").append(text).append('"');
        }
        if (index != 0) {
            sb.append(sb.isEmpty() ? "" : " ").append("#").append(index);
        }
        return sb.toString();
    }
}
