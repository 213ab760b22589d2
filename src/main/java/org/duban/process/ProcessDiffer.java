package org.duban.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Compares the BPMN of two versions of a process element by element: every element with an id inside the
 * {@code <process>} (the diagram's shapes are layout, not behaviour). An element changed when its type, its name or any
 * other attribute differs ({@code camunda:candidateGroups}, {@code camunda:formRef}, {@code targetRef}, …), or its
 * own content (conditions, timer values, extension elements) does.
 */
final class ProcessDiffer {

    /** Children that only restate the sequence flows' ends, or that are compared as elements of their own. */
    private static final Set<String> SKIPPED_CHILDREN = Set.of("incoming", "outgoing");

    private ProcessDiffer() {
    }

    private record Snapshot(String type, String name, Map<String, String> attributes, String content) {
    }

    static ProcessDiff diff(String key, int fromVersion, byte[] from, int toVersion, byte[] to) {
        Map<String, Snapshot> before = elements(parse(from), key);
        Map<String, Snapshot> after = elements(parse(to), key);
        List<ProcessDiff.Element> added = new ArrayList<>();
        List<ProcessDiff.Element> removed = new ArrayList<>();
        List<ProcessDiff.Change> changed = new ArrayList<>();
        after.forEach((id, snapshot) -> {
            if (!before.containsKey(id)) {
                added.add(element(id, snapshot));
            }
        });
        before.forEach((id, old) -> {
            Snapshot now = after.get(id);
            if (now == null) {
                removed.add(element(id, old));
                return;
            }
            List<String> differences = differences(old, now);
            if (!differences.isEmpty()) {
                changed.add(new ProcessDiff.Change(element(id, old), element(id, now), differences));
            }
        });
        return new ProcessDiff(key, fromVersion, toVersion, added, removed, changed);
    }

    private static List<String> differences(Snapshot old, Snapshot now) {
        List<String> differences = new ArrayList<>();
        if (!old.type().equals(now.type())) {
            differences.add("type: " + old.type() + " → " + now.type());
        }
        if (!old.name().equals(now.name())) {
            differences.add("name: " + (old.name().isEmpty() ? "—" : old.name()) + " → "
                    + (now.name().isEmpty() ? "—" : now.name()));
        }
        Set<String> names = new TreeSet<>(old.attributes().keySet());
        names.addAll(now.attributes().keySet());
        for (String name : names) {
            String a = old.attributes().get(name);
            String b = now.attributes().get(name);
            if (!Objects.equals(a, b)) {
                differences.add(name + ": " + (a == null ? "—" : a) + " → " + (b == null ? "—" : b));
            }
        }
        if (!old.content().equals(now.content())) {
            differences.add("content: " + abbreviate(old.content()) + " → " + abbreviate(now.content()));
        }
        return differences;
    }

    private static String abbreviate(String text) {
        return text.isEmpty() ? "—" : text.length() > 120 ? text.substring(0, 117) + "…" : text;
    }

    private static ProcessDiff.Element element(String id, Snapshot snapshot) {
        return new ProcessDiff.Element(id, snapshot.type(), snapshot.name());
    }

    private static Map<String, Snapshot> elements(Document document, String key) {
        Map<String, Snapshot> elements = new LinkedHashMap<>();
        NodeList processes = document.getElementsByTagNameNS("*", "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element process = (Element) processes.item(i);
            if (key.equals(process.getAttribute("id"))) {
                collect(process, elements);
            }
        }
        return elements;
    }

    private static void collect(Element parent, Map<String, Snapshot> elements) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (!element.getAttribute("id").isEmpty()) {
                    elements.put(element.getAttribute("id"), snapshot(element));
                }
                collect(element, elements);
            }
        }
    }

    private static Snapshot snapshot(Element element) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Node attribute = all.item(i);
            String name = attribute.getNodeName();
            if (!"id".equals(name) && !"name".equals(name) && !name.startsWith("xmlns")) {
                attributes.put(name, attribute.getNodeValue());
            }
        }
        StringBuilder content = new StringBuilder();
        ownContent(element, content);
        return new Snapshot(element.getLocalName(), element.getAttribute("name"), attributes,
                content.toString().strip());
    }

    /** Text and nested elements without an id of their own (conditions, timers, camunda extensions), normalised. */
    private static void ownContent(Element element, StringBuilder out) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                if (!nested.getAttribute("id").isEmpty() || SKIPPED_CHILDREN.contains(nested.getLocalName())) {
                    continue;
                }
                out.append('<').append(nested.getLocalName());
                NamedNodeMap all = nested.getAttributes();
                Map<String, String> sorted = new TreeMap<>();
                for (int i = 0; i < all.getLength(); i++) {
                    if (!all.item(i).getNodeName().startsWith("xmlns")) {
                        sorted.put(all.item(i).getNodeName(), all.item(i).getNodeValue());
                    }
                }
                sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
                out.append('>');
                ownContent(nested, out);
                out.append("</").append(nested.getLocalName()).append('>');
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(child.getNodeValue().strip());
            }
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("A deployed BPMN cannot be read: " + e.getMessage(), e);
        }
    }
}
