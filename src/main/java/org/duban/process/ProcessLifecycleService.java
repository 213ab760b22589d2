package org.duban.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.duban.audit.AuditService;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How admins change processes without code: what is deployed (processes, decisions, forms, with their versions and
 * running instances), a validated upload of new versions, the difference between two versions, and moving running
 * instances to another version with Camunda's migration API. Admins only, checked here for every call.
 */
@Service
public class ProcessLifecycleService {

    public static final String DEPLOYMENT_SOURCE = "duban-admin";
    static final String DEPLOYED = "PROCESS_DEPLOYED";
    static final String MIGRATED = "PROCESS_MIGRATED";
    private static final Logger log = LoggerFactory.getLogger(ProcessLifecycleService.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;
    private final DeploymentValidator validator;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;

    public ProcessLifecycleService(RepositoryService repository, RuntimeService runtime, ManagementService management,
            ProcessEngineConfigurationImpl engine, DeploymentValidator validator, CurrentUser currentUser,
            AuditService audit, TransactionTemplate tx) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.engine = engine;
        this.validator = validator;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = tx;
    }

    // ---------------------------------------------------------------- what is deployed

    /** Every version of every process, newest version first within a key, with its running instances counted. */
    public List<ProcessVersion> processes() {
        requireAdmin();
        Map<String, Long> running = runningByDefinition();
        Map<String, Deployment> deployments = deployments();
        Set<String> seen = new HashSet<>();
        return repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list().stream()
                .map(d -> new ProcessVersion(d.getId(), d.getKey(), d.getName(), d.getVersion(), d.getDeploymentId(),
                        name(deployments.get(d.getDeploymentId())), time(deployments.get(d.getDeploymentId())),
                        running.getOrDefault(d.getId(), 0L), seen.add(d.getKey())))
                .toList();
    }

    /** The versions of one process, newest first. */
    public List<ProcessVersion> versionsOf(String key) {
        return processes().stream().filter(p -> p.key().equals(key)).toList();
    }

    public List<DecisionVersion> decisions() {
        requireAdmin();
        Map<String, Deployment> deployments = deployments();
        Set<String> seen = new HashSet<>();
        return repository.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc()
                .orderByDecisionDefinitionVersion().desc().list().stream()
                .map(d -> new DecisionVersion(d.getId(), d.getKey(), d.getName(), d.getVersion(), d.getResourceName(),
                        d.getDeploymentId(), time(deployments.get(d.getDeploymentId())), seen.add(d.getKey())))
                .toList();
    }

    public List<FormVersion> forms() {
        requireAdmin();
        Map<String, Long> runningByDefinition = runningByDefinition();
        Map<String, Long> runningByDeployment = new HashMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            runningByDeployment.merge(definition.getDeploymentId(),
                    runningByDefinition.getOrDefault(definition.getId(), 0L), Long::sum);
        }
        Map<String, Deployment> deployments = deployments();
        @SuppressWarnings("unchecked")
        List<CamundaFormDefinitionEntity> all = engine.getCommandExecutorTxRequired().execute(commandContext ->
                (List<CamundaFormDefinitionEntity>) (List<?>) commandContext.getDbEntityManager()
                        .selectList("selectAllCamundaFormDefinitions"));
        Set<String> seen = new HashSet<>();
        return all.stream()
                .sorted(Comparator.comparing(CamundaFormDefinitionEntity::getKey)
                        .thenComparing(CamundaFormDefinitionEntity::getVersion, Comparator.reverseOrder()))
                .map(f -> new FormVersion(f.getId(), f.getKey(), f.getVersion(), f.getResourceName(),
                        f.getDeploymentId(), time(deployments.get(f.getDeploymentId())),
                        runningByDeployment.getOrDefault(f.getDeploymentId(), 0L), seen.add(f.getKey())))
                .toList();
    }

    /** Instances per definition, from one aggregate query (nothing is loaded per instance). */
    private Map<String, Long> runningByDefinition() {
        return management.createProcessDefinitionStatisticsQuery().list().stream()
                .collect(Collectors.toMap(ProcessDefinitionStatistics::getId, s -> (long) s.getInstances()));
    }

    private Map<String, Deployment> deployments() {
        return repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, d -> d));
    }

    private static Instant time(Deployment deployment) {
        return deployment == null || deployment.getDeploymentTime() == null ? null
                : deployment.getDeploymentTime().toInstant();
    }

    private static String name(Deployment deployment) {
        return deployment == null ? null : deployment.getName();
    }

    // ---------------------------------------------------------------- validate and deploy

    /** Checks an upload without deploying it. */
    public List<ValidationProblem> validate(List<DeploymentFile> files) {
        requireAdmin();
        return validator.validate(files, true).problems();
    }

    /**
     * Checks an upload as Camunda Modeler sends it through {@code /engine-rest}: the same rules, except that forms a
     * deployment-bound task needs must be part of it (a REST deployment cannot take them over).
     */
    public List<ValidationProblem> validateRestDeployment(List<DeploymentFile> files) {
        requireAdmin();
        return validator.validate(files, false).problems();
    }

    /**
     * Validates the files and deploys them as one deployment: new versions of the processes, decisions and forms in
     * it. On any problem nothing is deployed and the current versions keep serving.
     *
     * @throws DeploymentRejectedException listing every problem found, by file and line
     */
    public DeploymentOutcome deploy(String deploymentName, List<DeploymentFile> files) {
        DubanUserDetails admin = requireAdmin();
        DeploymentValidator.Result checked = validator.validate(files, true);
        if (!checked.ok()) {
            throw new DeploymentRejectedException(checked.problems());
        }
        String name = deploymentName == null || deploymentName.isBlank() ? files.get(0).name() : deploymentName.strip();
        DeploymentBuilder builder = repository.createDeployment()
                .name(name.length() > 200 ? name.substring(0, 200) : name).source(DEPLOYMENT_SOURCE);
        files.forEach(f -> builder.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
        checked.carriedForms().forEach(c -> builder.addDeploymentResourceByName(c.deploymentId(), c.resourceName()));
        try {
            return tx.execute(status -> {
                DeploymentWithDefinitions deployment = builder.deployWithResult();
                DeploymentOutcome outcome = new DeploymentOutcome(deployment.getId(), deployment.getName(),
                        keys(deployment.getDeployedProcessDefinitions(), ProcessDefinition::getKey,
                                ProcessDefinition::getVersion),
                        keys(deployment.getDeployedDecisionDefinitions(), DecisionDefinition::getKey,
                                DecisionDefinition::getVersion),
                        files.stream().filter(f -> f.kind() == DeploymentFile.Kind.FORM).map(DeploymentFile::name)
                                .toList(),
                        checked.carriedForms().stream().map(c -> c.formKey() + " (" + c.resourceName() + ")")
                                .toList());
                audit.record(admin.getUsername(), DEPLOYED, "Deployment", deployment.getId(),
                        abbreviate("Deployed " + name + ": " + String.join(", ", outcome.processes()) + " "
                                + String.join(", ", outcome.decisions()) + " " + String.join(", ", outcome.forms())),
                        null, files.stream().map(DeploymentFile::name).collect(Collectors.joining("\n")));
                log.info("{} deployed {} ({}): {}", admin.getUsername(), name, deployment.getId(),
                        outcome.processes());
                return outcome;
            });
        } catch (ProcessEngineException e) {
            // something the checks did not foresee; the engine rolled the deployment back
            throw new DeploymentRejectedException(List.of(ValidationProblem.of(files.get(0).name(), null,
                    "engineRejects", e.getMessage())));
        }
    }

    private static <T> List<String> keys(List<T> definitions, java.util.function.Function<T, String> key,
            java.util.function.Function<T, Integer> version) {
        return definitions == null ? List.of()
                : definitions.stream().map(d -> key.apply(d) + ":" + version.apply(d)).toList();
    }

    // ---------------------------------------------------------------- diff

    /** Elements added, removed and changed from one version of a process to another (of the same key). */
    public ProcessDiff diff(String fromDefinitionId, String toDefinitionId) {
        requireAdmin();
        ProcessDefinition from = definition(fromDefinitionId);
        ProcessDefinition to = definition(toDefinitionId);
        sameKey(from, to);
        return ProcessDiffer.diff(from.getKey(), from.getVersion(), bpmn(from), to.getVersion(), bpmn(to));
    }

    private byte[] bpmn(ProcessDefinition definition) {
        try (InputStream in = repository.getProcessModel(definition.getId())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- migration

    /** The activity mapping Camunda proposes for moving running instances from one version to another. */
    public MigrationPreview previewMigration(String sourceDefinitionId, String targetDefinitionId) {
        requireAdmin();
        ProcessDefinition source = definition(sourceDefinitionId);
        ProcessDefinition target = definition(targetDefinitionId);
        sameKey(source, target);
        List<MigrationPreview.Instruction> instructions = new ArrayList<>();
        List<String> planFailures = new ArrayList<>();
        try {
            MigrationPlan plan = plan(source, target);
            plan.getInstructions().forEach(i -> instructions.add(new MigrationPreview.Instruction(
                    i.getSourceActivityId(), i.getTargetActivityId(), i.isUpdateEventTrigger(), List.of())));
        } catch (MigrationPlanValidationException e) {
            e.getValidationReport().getInstructionReports().forEach(r -> instructions.add(
                    new MigrationPreview.Instruction(r.getMigrationInstruction().getSourceActivityId(),
                            r.getMigrationInstruction().getTargetActivityId(),
                            r.getMigrationInstruction().isUpdateEventTrigger(), List.copyOf(r.getFailures()))));
            e.getValidationReport().getVariableReports().forEach((variable, report) ->
                    report.getFailures().forEach(f -> planFailures.add(variable + ": " + f)));
            if (instructions.isEmpty() && planFailures.isEmpty()) {
                planFailures.add(e.getMessage());
            }
        }
        Set<String> mapped = instructions.stream().map(MigrationPreview.Instruction::sourceActivityId)
                .collect(Collectors.toSet());
        Map<String, Long> waiting = management.createActivityStatisticsQuery(source.getId()).list().stream()
                .collect(Collectors.toMap(ActivityStatistics::getId, s -> (long) s.getInstances()));
        BpmnModelInstance model = repository.getBpmnModelInstance(source.getId());
        List<MigrationPreview.Unmapped> unmapped = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!mapped.contains(node.getId())) {
                unmapped.add(new MigrationPreview.Unmapped(node.getId(), node.getName(),
                        waiting.getOrDefault(node.getId(), 0L)));
            }
        }
        unmapped.sort(Comparator.comparing(MigrationPreview.Unmapped::runningInstances).reversed()
                .thenComparing(MigrationPreview.Unmapped::activityId));
        long running = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        return new MigrationPreview(source.getId(), source.getVersion(), target.getId(), target.getVersion(), running,
                instructions, unmapped, planFailures);
    }

    /**
     * Moves every running instance of the source version to the target version, one instance at a time, so an
     * instance that cannot move (it waits in an activity the target lacks, …) stays where it is and the others move.
     */
    public MigrationReport migrate(String sourceDefinitionId, String targetDefinitionId) {
        DubanUserDetails admin = requireAdmin();
        ProcessDefinition source = definition(sourceDefinitionId);
        ProcessDefinition target = definition(targetDefinitionId);
        sameKey(source, target);
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                .orderByProcessInstanceId().asc().list();
        List<MigrationReport.InstanceOutcome> moved = new ArrayList<>();
        List<MigrationReport.InstanceOutcome> notMoved = new ArrayList<>();
        MigrationPlan plan;
        try {
            plan = plan(source, target);
        } catch (MigrationPlanValidationException e) {
            List<String> reasons = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(
                    r.getMigrationInstruction().getSourceActivityId() + ": " + f)));
            if (reasons.isEmpty()) {
                reasons.add(e.getMessage());
            }
            instances.forEach(i -> notMoved.add(new MigrationReport.InstanceOutcome(i.getId(), i.getBusinessKey(),
                    reasons)));
            return new MigrationReport(source.getId(), target.getId(), moved, notMoved);
        }
        for (ProcessInstance instance : instances) {
            try {
                runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                moved.add(new MigrationReport.InstanceOutcome(instance.getId(), instance.getBusinessKey(), List.of()));
            } catch (MigratingProcessInstanceValidationException e) {
                notMoved.add(new MigrationReport.InstanceOutcome(instance.getId(), instance.getBusinessKey(),
                        reasons(e.getValidationReport())));
            } catch (ProcessEngineException e) {
                notMoved.add(new MigrationReport.InstanceOutcome(instance.getId(), instance.getBusinessKey(),
                        List.of(e.getMessage())));
            }
        }
        tx.executeWithoutResult(status -> audit.record(admin.getUsername(), MIGRATED, "ProcessDefinition",
                target.getId(), abbreviate("Migrated " + source.getKey() + " v" + source.getVersion() + " → v"
                        + target.getVersion() + ": " + moved.size() + " moved, " + notMoved.size() + " not moved"),
                null, notMoved.stream().map(o -> o.processInstanceId() + ": " + String.join("; ", o.reasons()))
                        .collect(Collectors.joining("\n"))));
        return new MigrationReport(source.getId(), target.getId(), moved, notMoved);
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
        return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    }

    private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
        Set<String> reasons = new LinkedHashSet<>(report.getFailures());
        report.getActivityInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(
                r.getSourceScopeId() + ": " + f)));
        report.getTransitionInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(
                r.getSourceScopeId() + ": " + f)));
        return List.copyOf(reasons);
    }

    // ---------------------------------------------------------------- helpers

    private ProcessDefinition definition(String id) {
        ProcessDefinition definition = id == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (definition == null) {
            throw new NotFoundException("Process definition " + id);
        }
        return definition;
    }

    private static void sameKey(ProcessDefinition a, ProcessDefinition b) {
        if (!a.getKey().equals(b.getKey())) {
            throw new IllegalArgumentException("Versions of different processes: " + a.getKey() + ", " + b.getKey());
        }
    }

    private DubanUserDetails requireAdmin() {
        DubanUserDetails user = currentUser.require();
        if (!user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Only admins manage process definitions");
        }
        return user;
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }
}
