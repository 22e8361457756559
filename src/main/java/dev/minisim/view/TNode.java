package dev.minisim.view;

import java.util.ArrayList;
import java.util.List;

/** A node of a parsed template (the AST the renderer walks); each knows its line. */
sealed interface TNode permits TNode.Element, TNode.Text, TNode.Comment {

    int line();

    /** An element as written: tag, attributes in order (duplicates dropped), children. */
    final class Element implements TNode {
        final String tag;
        final List<Attr> attrs = new ArrayList<>();
        final List<TNode> children = new ArrayList<>();
        final int line;

        Element(String tag, int line) {
            this.tag = tag;
            this.line = line;
        }

        @Override
        public int line() {
            return line;
        }

        Attr attr(String name) {
            for (Attr a : attrs) {
                if (a.name.equals(name)) {
                    return a;
                }
            }
            return null;
        }

        /** The raw value of an attribute; null when absent, "" when valueless. */
        String raw(String name) {
            Attr a = attr(name);
            return a == null ? null : a.value == null ? "" : a.value;
        }
    }

    /** An attribute: {@code value} is null when written without one (its value is then true). */
    final class Attr {
        final String name;
        final String value;
        final int line;
        Interp compiled;

        Attr(String name, String value, int line) {
            this.name = name;
            this.value = value;
            this.line = line;
        }
    }

    /** Text, entities decoded; {@code compiled} holds its {{ }} parts. */
    final class Text implements TNode {
        final String text;
        final int line;
        Interp compiled;

        Text(String text, int line) {
            this.text = text;
            this.line = line;
        }

        @Override
        public int line() {
            return line;
        }
    }

    record Comment(int line) implements TNode {
    }
}
