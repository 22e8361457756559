package dev.minisim.auto;

import dev.minisim.view.VElement;
import dev.minisim.view.VNode;
import dev.minisim.view.VText;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code Page.getElementByXpath} / {@code getElementsByXpath} (miniprogram-automator 0.11+'s
 * {@code page.xpath()}): the JDK's XPath 1.0 engine over a DOM built from the page's rendered
 * tree, with the template's tag names ({@code //view[@class="row"]/text}), its evaluated
 * attributes and its text. Each query builds the DOM afresh, so it sees the page as rendered now.
 */
final class XpathQueries {

    private XpathQueries() {
    }

    /** The elements of the tree under {@code root} (itself included) that {@code xpath} selects, in document order. */
    static List<VElement> select(VElement root, String xpath) {
        XPathExpression expression;
        try {
            expression = XPathFactory.newInstance().newXPath().compile(xpath);
        } catch (XPathExpressionException e) {
            throw new AutoError("\"" + xpath + "\" is not an XPath expression (" + message(e) + ")");
        }
        Map<Node, VElement> elements = new IdentityHashMap<>();
        Document doc = document(root, elements);
        NodeList found;
        try {
            found = (NodeList) expression.evaluate(doc, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new AutoError("\"" + xpath + "\" does not select nodes (" + message(e) + ")");
        }
        List<VElement> out = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            Node n = found.item(i);
            VElement e = elements.get(n);
            if (e == null) {
                throw new AutoError("\"" + xpath + "\" selects " + kind(n) + ", not elements");
            }
            out.add(e);
        }
        return out;
    }

    private static String message(XPathExpressionException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage() != null ? t.getMessage() : e.getCause());
    }

    private static String kind(Node n) {
        return switch (n.getNodeType()) {
            case Node.TEXT_NODE -> "text";
            case Node.ATTRIBUTE_NODE -> "an attribute (@" + n.getNodeName() + ")";
            default -> n.getNodeName();
        };
    }

    private static Document document(VElement root, Map<Node, VElement> elements) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            Document doc = f.newDocumentBuilder().newDocument();
            doc.appendChild(element(doc, root, elements));
            return doc;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element element(Document doc, VElement v, Map<Node, VElement> elements) {
        Element e = doc.createElement(name(v.tag()));
        elements.put(e, v);
        for (Map.Entry<String, Object> a : v.attrs().entrySet()) {
            Object value = a.getValue();
            // a component's object or array property has no attribute form
            if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
                continue;
            }
            try {
                e.setAttribute(a.getKey(), v.attr(a.getKey()));
            } catch (org.w3c.dom.DOMException notAName) {
                // an attribute name XML cannot spell is left out (it can be matched by no path either)
            }
        }
        for (VNode c : v.children()) {
            if (c instanceof VElement child) {
                e.appendChild(element(doc, child, elements));
            } else if (c instanceof VText t) {
                e.appendChild(doc.createTextNode(t.text()));
            }
        }
        return e;
    }

    /** The tag as an XML name (a template's tags always are; anything else keeps its element findable as {@code *}). */
    private static String name(String tag) {
        return tag.matches("[A-Za-z_][\\w.-]*(:[A-Za-z_][\\w.-]*)?") ? tag : "_";
    }
}
