package org.duban.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** BPMN, DMN and form texts the process lifecycle tests deploy. */
final class ProcessFixtures {

    static final String NEW_FIELD = "riskNote";

    private ProcessFixtures() {
    }

    static DeploymentFile file(String name, String text) {
        return new DeploymentFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static String classpath(String path) {
        try (InputStream in = ProcessFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** bpmn/forms/fill-report.form with one more text field, {@value #NEW_FIELD}. */
    static String fillReportWithNewField() {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode form = (ObjectNode) json.readTree(classpath("bpmn/forms/fill-report.form"));
            ObjectNode field = json.createObjectNode();
            field.put("label", "风险提示");
            field.put("type", "textfield");
            field.put("key", NEW_FIELD);
            field.put("id", "Field_riskNote");
            field.putObject("validate").put("maxLength", 200);
            ((ArrayNode) form.get("components")).add(field);
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal Camunda Form with the given id and one text field (plus an optional extra component). */
    static String form(String id, String extraComponent) {
        return "{\n  \"id\": \"" + id + "\",\n  \"type\": \"default\",\n  \"components\": [\n"
                + "    {\"label\": \"说明\", \"type\": \"textfield\", \"key\": \"note\", \"id\": \"Field_note\"}"
                + (extraComponent == null ? "" : ",\n    " + extraComponent) + "\n  ]\n}\n";
    }

    /**
     * A two-step process {@code start → collect → check → end}; {@code version2} renames {@code check} to
     * {@code verify}, adds {@code approve} after it and renames {@code collect}'s label.
     */
    static String twoStepProcess(String key, String formKey, String group, boolean version2) {
        String tasks;
        if (version2) {
            tasks = userTask("collect", "收集材料", formKey, group) + userTask("verify", "核实", formKey, group)
                    + userTask("approve", "批准", formKey, group)
                    + flow("f1", "start", "collect") + flow("f2", "collect", "verify")
                    + flow("f4", "verify", "approve") + flow("f5", "approve", "end");
        } else {
            tasks = userTask("collect", "收集", formKey, group) + userTask("check", "检查", formKey, group)
                    + flow("f1", "start", "collect") + flow("f2", "collect", "check") + flow("f3", "check", "end");
        }
        return definitions("<bpmn:process id=\"" + key + "\" name=\"生命周期测试\" isExecutable=\"true\" "
                + "camunda:historyTimeToLive=\"P30D\">\n"
                + "    <bpmn:startEvent id=\"start\" name=\"开始\"/>\n" + tasks
                + "    <bpmn:endEvent id=\"end\" name=\"结束\"/>\n  </bpmn:process>\n");
    }

    static String userTask(String id, String name, String formKey, String group) {
        return "    <bpmn:userTask id=\"" + id + "\" name=\"" + name + "\" camunda:formRef=\"" + formKey
                + "\" camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"" + group + "\"/>\n";
    }

    static String flow(String id, String from, String to) {
        return "    <bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>\n";
    }

    static String definitions(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"defs\" "
                + "targetNamespace=\"http://duban.org/bpmn/test\">\n  " + body + "</bpmn:definitions>\n";
    }

    /** A decision table whose only rule has two input entries for one input: the DMN engine refuses it. */
    static String brokenDmn(String key) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"dmnDefs\" name=\"d\" namespace=\"x\">\n"
                + "  <decision id=\"" + key + "\" name=\"坏决策\" camunda:historyTimeToLive=\"P30D\">\n"
                + "    <decisionTable id=\"table\">\n"
                + "      <input id=\"in1\"><inputExpression id=\"ie1\" typeRef=\"integer\"><text>days</text>"
                + "</inputExpression></input>\n"
                + "      <output id=\"out1\" name=\"level\" typeRef=\"string\"/>\n"
                + "      <rule id=\"r1\"><inputEntry id=\"e1\"><text>&gt; 3</text></inputEntry>"
                + "<inputEntry id=\"e2\"><text>&gt; 5</text></inputEntry>"
                + "<outputEntry id=\"o1\"><text>\"URGE\"</text></outputEntry></rule>\n"
                + "    </decisionTable>\n  </decision>\n</definitions>\n";
    }

    /** A valid one-rule decision. */
    static String dmn(String key) {
        return brokenDmn(key).replace("<inputEntry id=\"e2\"><text>&gt; 5</text></inputEntry>", "");
    }
}
