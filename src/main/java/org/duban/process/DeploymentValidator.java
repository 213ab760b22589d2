package org.duban.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.duban.org.Role;
import org.duban.org.Unit;
import org.duban.org.UnitService;
import org.duban.reporting.ReportForm;
import org.duban.workflow.forms.FormDefinitionException;
import org.duban.workflow.forms.FormField;
import org.duban.workflow.forms.FormSchema;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Checks an upload (BPMN, DMN, Camunda Forms) before anything reaches the engine, the same way for the admin screen
 * and for Camunda Modeler's deployments through {@code /engine-rest}: parse errors (with line where the parser gives
 * one), what the engine's own parser rejects, and the Modeler lint rules that matter to Duban — every user task has
 * someone to do it and a form, sequence flows connect existing elements, form references resolve, candidate groups
 * name a role or a unit's role, forms use only components Duban renders and keep the fields Duban's code reads.
 */
@Component
public class DeploymentValidator {

    /** Binding of {@code camunda:formRefBinding} that resolves the form inside the task's own deployment. */
    static final String BINDING_DEPLOYMENT = "deployment";
    /**
     * Fields Duban's code reads from a form's values, by form id: a new version that drops one would break the
     * screens that fill columns from it (see {@link ReportForm}).
     */
    static final Map<String, List<String>> REQUIRED_FIELDS = Map.of("fillReport",
            List.of(ReportForm.NARRATIVE, ReportForm.PERCENT_DONE, ReportForm.INDICATORS));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    private final ProcessEngineConfigurationImpl engine;
    private final RepositoryService repository;
    private final UnitService units;

    public DeploymentValidator(ProcessEngineConfigurationImpl engine, RepositoryService repository,
            UnitService units) {
        this.engine = engine;
        this.repository = repository;
        this.units = units;
    }

    /** A form that a deployment-bound formRef needs and the upload lacks, taken over from the process's last version. */
    public record CarriedForm(String formKey, String deploymentId, String resourceName) {
    }

    /** What the check found; {@link #carriedForms} are only filled when carrying forms over was allowed. */
    public record Result(List<ValidationProblem> problems, List<CarriedForm> carriedForms) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A formRef seen in a BPMN file, resolved once every file of the upload is known. */
    private record FormUse(String file, Integer line, String processKey, String taskId, String formKey,
            String binding) {
    }

    /**
     * @param carryForms whether a deployment-bound form missing from the upload may be taken over from the latest
     *                   deployed version of the same process (the admin screen does that; a Modeler deployment through
     *                   REST cannot add files, so there it is an error)
     */
    public Result validate(List<DeploymentFile> files, boolean carryForms) {
        List<ValidationProblem> problems = new ArrayList<>();
        List<CarriedForm> carried = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(ValidationProblem.of("-", null, "empty", "-"));
            return new Result(problems, carried);
        }
        Set<String> names = new HashSet<>();
        Map<String, String> formsInUpload = new LinkedHashMap<>();
        List<FormUse> formUses = new ArrayList<>();
        Set<String> activeGroups = activeUnitCodes();
        for (DeploymentFile file : files) {
            if (!names.add(file.name())) {
                problems.add(ValidationProblem.of(file.name(), null, "duplicateFile", file.name()));
                continue;
            }
            switch (file.kind()) {
                case BPMN -> checkBpmn(file, activeGroups, problems, formUses);
                case DMN -> checkDmn(file, problems);
                case FORM -> checkForm(file, problems).ifPresent(id -> {
                    String other = formsInUpload.putIfAbsent(id, file.name());
                    if (other != null) {
                        problems.add(ValidationProblem.of(file.name(), null, "formIdDuplicate", id, other));
                    }
                });
                default -> problems.add(ValidationProblem.of(file.name(), null, "unsupportedFile", file.name()));
            }
        }
        for (FormUse use : formUses) {
            if (formsInUpload.containsKey(use.formKey())) {
                continue;
            }
            if (BINDING_DEPLOYMENT.equals(use.binding())) {
                CarriedForm previous = carryForms ? previousForm(use.processKey(), use.formKey()) : null;
                if (previous == null) {
                    problems.add(ValidationProblem.of(use.file(), use.line(), "formRefNotInUpload", use.taskId(),
                            use.formKey()));
                } else if (carried.stream().noneMatch(c -> c.formKey().equals(previous.formKey()))) {
                    carried.add(previous);
                }
            } else if (!formDeployed(use.formKey())) {
                problems.add(ValidationProblem.of(use.file(), use.line(), "formRefMissing", use.taskId(),
                        use.formKey()));
            }
        }
        List<String> order = files.stream().map(DeploymentFile::name).toList();
        problems.sort(Comparator.comparingInt((ValidationProblem p) -> order.indexOf(p.file()))
                .thenComparingInt(p -> p.line() == null ? 0 : p.line()));
        return new Result(List.copyOf(problems), List.copyOf(carried));
    }

    // ---------------------------------------------------------------- BPMN

    private void checkBpmn(DeploymentFile file, Set<String> activeUnits, List<ValidationProblem> problems,
            List<FormUse> formUses) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        Document dom;
        try {
            dom = plainDom(file.content());
        } catch (Exception e) {
            problems.add(xmlProblem(file.name(), e));
            return;
        }
        if (missingFlowEnds(file.name(), text, dom, problems)) {
            return; // the schema check below would only repeat it, less clearly
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        } catch (RuntimeException e) {
            problems.add(xmlProblem(file.name(), e));
            return;
        }
        engineParse(file, problems);
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable()) {
                lintProcess(file.name(), text, process, activeUnits, problems, formUses);
            }
        }
    }

    /** The engine's own BPMN parser, without parse listeners, as the deployment would run it. */
    private void engineParse(DeploymentFile file, List<ValidationProblem> problems) {
        try {
            engine.getCommandExecutorTxRequired().execute(commandContext -> {
                BpmnParser parser = new BpmnParser(engine.getExpressionManager(), engine.getBpmnParseFactory());
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setName("validation");
                parser.createParse().deployment(deployment).sourceInputStream(new ByteArrayInputStream(file.content()))
                        .name(file.name()).execute();
                return null;
            });
        } catch (ParseException e) {
            e.getResorceReports().forEach(report -> report.getErrors().forEach(problem -> problems.add(
                    ValidationProblem.of(file.name(), problem.getLine(), "engineRejects", problem.getMessage()))));
            if (e.getResorceReports().stream().allMatch(r -> r.getErrors().isEmpty())) {
                problems.add(ValidationProblem.of(file.name(), null, "engineRejects", e.getMessage()));
            }
        } catch (ProcessEngineException e) {
            problems.add(ValidationProblem.of(file.name(), null, "engineRejects", e.getMessage()));
        }
    }

    private boolean missingFlowEnds(String file, String text, Document dom, List<ValidationProblem> problems) {
        Set<String> ids = new HashSet<>();
        NodeList all = dom.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        boolean missing = false;
        NodeList flows = dom.getElementsByTagNameNS("*", "sequenceFlow");
        for (int i = 0; i < flows.getLength(); i++) {
            Element flow = (Element) flows.item(i);
            String id = flow.getAttribute("id");
            for (String end : List.of("sourceRef", "targetRef")) {
                String ref = flow.getAttribute(end);
                if (ref.isEmpty() || !ids.contains(ref)) {
                    problems.add(ValidationProblem.of(file, lineOf(text, "id=\"" + id + "\""),
                            "targetRef".equals(end) ? "flowTargetMissing" : "flowSourceMissing", id,
                            ref.isEmpty() ? "-" : ref));
                    missing = true;
                }
            }
        }
        return missing;
    }

    private void lintProcess(String file, String text, Process process, Set<String> activeUnits,
            List<ValidationProblem> problems, List<FormUse> formUses) {
        if (process.getChildElementsByType(StartEvent.class).isEmpty()) {
            problems.add(ValidationProblem.of(file, lineOf(text, "id=\"" + process.getId() + "\""), "noStartEvent",
                    process.getId()));
        }
        if (process.getChildElementsByType(EndEvent.class).isEmpty()) {
            problems.add(ValidationProblem.of(file, lineOf(text, "id=\"" + process.getId() + "\""), "noEndEvent",
                    process.getId()));
        }
        // connections from the flows themselves: <incoming>/<outgoing> children are optional in BPMN
        Set<String> connected = new HashSet<>();
        for (SequenceFlow flow : process.getModelInstance().getModelElementsByType(SequenceFlow.class)) {
            if (flow.getSource() != null) {
                connected.add(flow.getSource().getId());
            }
            if (flow.getTarget() != null) {
                connected.add(flow.getTarget().getId());
            }
        }
        for (FlowNode node : flowNodesOf(process)) {
            Integer line = lineOf(text, "id=\"" + node.getId() + "\"");
            boolean isolated = !connected.contains(node.getId());
            boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
            boolean compensation = node instanceof Activity activity && activity.isForCompensation();
            if (isolated && !(node instanceof BoundaryEvent) && !eventSubProcess && !compensation) {
                problems.add(ValidationProblem.of(file, line, "disconnected", label(node)));
            }
            if (node instanceof UserTask task) {
                lintUserTask(file, line, process.getId(), task, activeUnits, problems, formUses);
            }
        }
    }

    private void lintUserTask(String file, Integer line, String processKey, UserTask task, Set<String> activeUnits,
            List<ValidationProblem> problems, List<FormUse> formUses) {
        List<String> groups = task.getCamundaCandidateGroupsList();
        if (blank(task.getCamundaAssignee()) && blank(task.getCamundaCandidateUsers()) && groups.isEmpty()) {
            problems.add(ValidationProblem.of(file, line, "userTaskNobody", label(task)));
        }
        for (String group : groups) {
            if (!isExpression(group) && !groupExists(group.strip(), activeUnits)) {
                problems.add(ValidationProblem.of(file, line, "unknownGroup", label(task), group.strip()));
            }
        }
        String formRef = task.getCamundaFormRef();
        if (blank(formRef) && blank(task.getCamundaFormKey())) {
            problems.add(ValidationProblem.of(file, line, "userTaskNoForm", label(task)));
        } else if (!blank(formRef) && !isExpression(formRef)) {
            String binding = blank(task.getCamundaFormRefBinding()) ? "latest" : task.getCamundaFormRefBinding();
            formUses.add(new FormUse(file, line, processKey, label(task), formRef, binding));
        }
    }

    /** Every flow node of the process, including those inside sub-processes. */
    private static List<FlowNode> flowNodesOf(ModelElementInstance scope) {
        List<FlowNode> nodes = new ArrayList<>();
        for (FlowNode node : scope.getChildElementsByType(FlowNode.class)) {
            nodes.add(node);
            if (node instanceof SubProcess) {
                nodes.addAll(flowNodesOf(node));
            }
        }
        return nodes;
    }

    static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    /** {@code ROLE} or {@code UNITCODE.ROLE} of an active unit: the groups {@code CandidateGroups} gives users. */
    static boolean groupExists(String group, Set<String> activeUnits) {
        if (ROLES.contains(group)) {
            return true;
        }
        int dot = group.lastIndexOf('.');
        return dot > 0 && ROLES.contains(group.substring(dot + 1)) && activeUnits.contains(group.substring(0, dot));
    }

    private Set<String> activeUnitCodes() {
        return units.findAll().stream().filter(Unit::isActive).map(Unit::getCode).collect(Collectors.toSet());
    }

    private static String label(FlowNode node) {
        return blank(node.getName()) ? node.getId() : node.getName() + " (" + node.getId() + ")";
    }

    // ---------------------------------------------------------------- DMN

    private void checkDmn(DeploymentFile file, List<ValidationProblem> problems) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        try {
            plainDom(file.content());
        } catch (Exception e) {
            problems.add(xmlProblem(file.name(), e));
            return;
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        } catch (RuntimeException e) {
            problems.add(xmlProblem(file.name(), e));
            return;
        }
        // inside a command: the engine's DMN transform reads its configuration (history time to live, …)
        String refused = engine.getCommandExecutorTxRequired().execute(commandContext -> {
            try {
                engine.getDmnEngine().parseDecisions(model);
                return null;
            } catch (DmnEngineException e) {
                return e.getMessage();
            }
        });
        if (refused != null) {
            problems.add(ValidationProblem.of(file.name(), null, "dmnRejected", refused));
        }
        if (engine.isEnforceHistoryTimeToLive()) {
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                if (blank(decision.getCamundaHistoryTimeToLiveString())) {
                    problems.add(ValidationProblem.of(file.name(), lineOf(text, "id=\"" + decision.getId() + "\""),
                            "noHistoryTimeToLive", decision.getId()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- forms

    /** Checks a Camunda Form; its id when it has one. */
    private java.util.Optional<String> checkForm(DeploymentFile file, List<ValidationProblem> problems) {
        String text = new String(file.content(), StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(ValidationProblem.of(file.name(), e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    "formJson", e.getOriginalMessage()));
            return java.util.Optional.empty();
        }
        FormSchema schema;
        try {
            schema = FormSchema.parse(text);
        } catch (FormDefinitionException e) {
            problems.add(ValidationProblem.of(file.name(), null, "formInvalid", e.getMessage()));
            return java.util.Optional.empty();
        }
        String id = root.path("id").asText("");
        if (id.isBlank()) {
            problems.add(ValidationProblem.of(file.name(), 1, "formNoId", file.name()));
        }
        String supported = new TreeSet<>(union(FormSchema.INPUT_TYPES, FormSchema.DISPLAY_TYPES)).toString();
        for (String component : schema.unsupported()) {
            String name = component.contains(" (") ? component.substring(0, component.indexOf(" (")) : component;
            String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            problems.add(ValidationProblem.of(file.name(), lineOf(text, "\"" + bare + "\""), "formUnsupported",
                    component, supported));
        }
        // options named by valuesKey come from Duban's services: only the keys they supply can fill a choice
        schema.fields().stream().filter(f -> f.valuesKey() != null
                        && !FormSchema.UNIT_OPTIONS.equals(f.valuesKey()))
                .forEach(f -> problems.add(ValidationProblem.of(file.name(), lineOf(text, "\"" + f.valuesKey() + "\""),
                        "formUnknownValuesKey", f.key(), f.valuesKey(), FormSchema.UNIT_OPTIONS)));
        Map<String, Long> keys = schema.fields().stream().map(FormField::key).filter(k -> k != null)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        keys.forEach((key, count) -> {
            if (count > 1) {
                problems.add(ValidationProblem.of(file.name(), lineOf(text, "\"" + key + "\""), "formDuplicateKey",
                        key));
            }
        });
        for (String required : REQUIRED_FIELDS.getOrDefault(id, List.of())) {
            if (!keys.containsKey(required)) {
                problems.add(ValidationProblem.of(file.name(), null, "formMissingField", id, required));
            }
        }
        return id.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(id);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        all.add("group");
        return all;
    }

    // ---------------------------------------------------------------- what is deployed

    private boolean formDeployed(String formKey) {
        return engine.getCommandExecutorTxRequired().execute(commandContext ->
                commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey) != null);
    }

    /** The form with this key in the deployment of the process's latest version, if there is one. */
    private CarriedForm previousForm(String processKey, String formKey) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            return null;
        }
        CamundaFormDefinitionEntity form = engine.getCommandExecutorTxRequired().execute(commandContext ->
                commandContext.getCamundaFormDefinitionManager().findDefinitionByDeploymentAndKey(
                        latest.getDeploymentId(), formKey));
        return form == null ? null : new CarriedForm(formKey, latest.getDeploymentId(), form.getResourceName());
    }

    // ---------------------------------------------------------------- XML helpers

    /** Well-formedness only, no schema, no DTDs or external entities. */
    private static Document plainDom(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(content));
    }

    private static ValidationProblem xmlProblem(String file, Throwable e) {
        Throwable cause = e;
        Integer line = null;
        String message = e.getMessage();
        while (cause != null) {
            if (cause instanceof SAXParseException sax) {
                line = sax.getLineNumber();
                message = sax.getMessage();
                break;
            }
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return ValidationProblem.of(file, line, "xmlInvalid", message == null ? e.getClass().getSimpleName()
                : message);
    }

    /** 1-based line of the first occurrence of {@code needle}, or {@code null}. */
    static Integer lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
