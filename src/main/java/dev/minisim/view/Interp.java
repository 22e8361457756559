package dev.minisim.view;

/** Placeholder: text with {{ }} parts (being written). */
final class Interp {
    static Interp compile(String s) {
        return new Interp();
    }

    String error() {
        return null;
    }
}
