package dev.minisim.view;

/** Text as the platform shows it (expressions already evaluated; undefined and null as ''). */
public final class VText implements VNode {

    private final String text;
    private VElement parent;

    public VText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public VElement parent() {
        return parent;
    }

    @Override
    public void parent(VElement parent) {
        this.parent = parent;
    }

    @Override
    public String toString() {
        return text;
    }
}
