package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.process.ProcessFixtures.file;
import static org.duban.process.ProcessFixtures.form;
import static org.duban.process.ProcessFixtures.twoStepProcess;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.support.Actors;
import org.duban.workflow.ProcessKeys;
import org.duban.workflow.forms.FormDefinitions;
import org.duban.workflow.forms.FormField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Admins change processes without code: new versions by upload (validated first; nothing deployed on a problem), a
 * form that gains a field for new work only, version diffs and the migration of running instances.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProcessLifecycleServiceTest {

    @Autowired ProcessLifecycleService lifecycle;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired FormDefinitions formDefinitions;
    @Autowired AuditService audit;
    @Autowired UserDetailsService userDetailsService;

    private Actors actors;

    @BeforeEach
    void actors() {
        actors = new Actors(userDetailsService);
    }

    private DeploymentOutcome deploy(String name, DeploymentFile... files) {
        return actors.as("admin", () -> lifecycle.deploy(name, List.of(files)));
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    /** A progress report waiting at fill-in, started the way the key-task process would leave it. */
    private ProcessInstance reportAtFillIn() {
        return runtime.createProcessInstanceByKey(ProcessKeys.PROGRESS_REPORT).startBeforeActivity("fillReport")
                .setVariables(Map.of(ProcessKeys.VAR_CLERK_GROUP, "CAOXIAN.CLERK", ProcessKeys.VAR_LEADER_GROUP,
                        "CAOXIAN.UNIT_LEADER", ProcessKeys.VAR_REVIEWER_GROUP, "KJJ.REVIEWER",
                        ProcessKeys.VAR_LEADER_SIGNOFF, true))
                .execute();
    }

    private Task task(ProcessInstance instance, String activity) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity)
                .singleResult();
    }

    @Test
    void formThatGainsAFieldShowsItForNewWorkWhileRunningReportsKeepTheirForm() {
        ProcessInstance before = reportAtFillIn();
        List<String> started = new java.util.ArrayList<>(List.of(before.getId()));
        int version = latest(ProcessKeys.PROGRESS_REPORT).getVersion();
        String originalBpmn = ProcessFixtures.classpath("bpmn/progress-report.bpmn");
        String originalForm = ProcessFixtures.classpath("bpmn/forms/fill-report.form");
        try {
            DeploymentOutcome outcome = deploy("progress-report + risk note",
                    file("progress-report.bpmn", originalBpmn),
                    file("forms/fill-report.form", ProcessFixtures.fillReportWithNewField()));

            assertThat(outcome.processes()).containsExactly(ProcessKeys.PROGRESS_REPORT + ":" + (version + 1));
            // the upload carried only the changed form; the others its tasks bind to their deployment come along
            assertThat(outcome.carriedForms()).extracting(c -> c.substring(0, c.indexOf(' ')))
                    .containsExactlyInAnyOrder("signOffReport", "reviewReport");
            assertThat(latest(ProcessKeys.PROGRESS_REPORT).getVersion()).isEqualTo(version + 1);

            ProcessInstance after = reportAtFillIn();
            started.add(after.getId());
            assertThat(formDefinitions.forTask(task(after, "fillReport").getId()).field(ProcessFixtures.NEW_FIELD))
                    .get().extracting(FormField::type, FormField::label).containsExactly("textfield", "风险提示");
            assertThat(formDefinitions.forTask(task(before, "fillReport").getId()).field(ProcessFixtures.NEW_FIELD))
                    .isEmpty();
            assertThat(formDefinitions.forTask(task(before, "fillReport").getId()).field("narrative")).isPresent();

            List<FormVersion> forms = actors.as("admin", () -> lifecycle.forms());
            FormVersion fillReport = forms.stream().filter(f -> f.key().equals("fillReport") && f.latest())
                    .findFirst().orElseThrow();
            assertThat(fillReport.deploymentId()).isEqualTo(outcome.deploymentId());
            assertThat(fillReport.runningInstances()).isEqualTo(1);
            assertThat(audit.byAction(ProcessLifecycleService.DEPLOYED)).anySatisfy(e -> {
                assertThat(e.getEntityId()).isEqualTo(outcome.deploymentId());
                assertThat(e.getActor()).isEqualTo("admin");
            });
        } finally {
            runtime.deleteProcessInstancesIfExists(started, "test over", true, true, false);
            // the shipped definition serves again, for the other tests of this JVM
            deploy("progress-report restored", file("progress-report.bpmn", originalBpmn),
                    file("forms/fill-report.form", originalForm));
        }
    }

    @Test
    void runningInstancesMigrateWhereTheirActivityStillExistsAndTheOthersAreReported() {
        String key = "lifecycleMigrate";
        String formKey = "lifecycleMigrateForm";
        DeploymentOutcome v1 = deploy("migrate v1", file("lifecycle-migrate.bpmn",
                twoStepProcess(key, formKey, "SUPERVISOR", false)), file("lifecycle-migrate.form",
                form(formKey, null)));
        assertThat(v1.processes()).containsExactly(key + ":1");
        ProcessInstance first = runtime.startProcessInstanceByKey(key, "M-1");
        ProcessInstance second = runtime.startProcessInstanceByKey(key, "M-2");
        ProcessInstance checking = runtime.startProcessInstanceByKey(key, "M-3");
        taskService.complete(task(checking, "collect").getId());
        String v1Id = latest(key).getId();

        // v2 renames check → verify, adds approve; its form is taken over from v1's deployment
        DeploymentOutcome v2 = deploy("migrate v2", file("lifecycle-migrate.bpmn",
                twoStepProcess(key, formKey, "KJJ.REVIEWER", true)));
        assertThat(v2.processes()).containsExactly(key + ":2");
        assertThat(v2.carriedForms()).singleElement().asString().startsWith(formKey);
        String v2Id = latest(key).getId();

        List<ProcessVersion> versions = actors.as("admin", () -> lifecycle.versionsOf(key));
        assertThat(versions).extracting(ProcessVersion::version, ProcessVersion::runningInstances,
                ProcessVersion::latest).containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0L, true),
                        org.assertj.core.groups.Tuple.tuple(1, 3L, false));

        ProcessDiff diff = actors.as("admin", () -> lifecycle.diff(v1Id, v2Id));
        assertThat(diff.added()).extracting(ProcessDiff.Element::id)
                .containsExactlyInAnyOrder("verify", "approve", "f4", "f5");
        assertThat(diff.removed()).extracting(ProcessDiff.Element::id).containsExactlyInAnyOrder("check", "f3");
        assertThat(diff.changed()).extracting(c -> c.to().id()).containsExactlyInAnyOrder("collect", "f2");
        assertThat(diff.changed()).filteredOn(c -> c.to().id().equals("collect")).singleElement()
                .satisfies(c -> assertThat(c.differences()).containsExactlyInAnyOrder("name: 收集 → 收集材料",
                        "camunda:candidateGroups: SUPERVISOR → KJJ.REVIEWER"));
        assertThat(diff.changed()).filteredOn(c -> c.to().id().equals("f2")).singleElement()
                .satisfies(c -> assertThat(c.differences()).containsExactly("targetRef: check → verify"));
        assertThat(diff.changed()).filteredOn(c -> c.to().id().equals("collect")).singleElement()
                .satisfies(c -> assertThat(c.from().name() + "→" + c.to().name()).isEqualTo("收集→收集材料"));

        MigrationPreview preview = actors.as("admin", () -> lifecycle.previewMigration(v1Id, v2Id));
        assertThat(preview.runningInstances()).isEqualTo(3);
        assertThat(preview.instructions()).extracting(MigrationPreview.Instruction::sourceActivityId,
                MigrationPreview.Instruction::targetActivityId).contains(
                        org.assertj.core.groups.Tuple.tuple("collect", "collect"));
        assertThat(preview.instructions()).noneMatch(i -> i.sourceActivityId().equals("check"));
        assertThat(preview.unmapped()).filteredOn(u -> u.activityId().equals("check")).singleElement()
                .extracting(MigrationPreview.Unmapped::runningInstances).isEqualTo(1L);
        assertThat(preview.executable()).isTrue();

        MigrationReport report = actors.as("admin", () -> lifecycle.migrate(v1Id, v2Id));
        assertThat(report.moved()).extracting(MigrationReport.InstanceOutcome::businessKey)
                .containsExactlyInAnyOrder("M-1", "M-2");
        assertThat(report.notMoved()).singleElement().satisfies(o -> {
            assertThat(o.businessKey()).isEqualTo("M-3");
            assertThat(String.join(" ", o.reasons())).contains("check");
        });
        for (ProcessInstance moved : List.of(first, second)) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(moved.getId()).singleResult()
                    .getProcessDefinitionId()).isEqualTo(v2Id);
            assertThat(task(moved, "collect").getProcessDefinitionId()).isEqualTo(v2Id);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(checking.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(v1Id);
        // moved work continues on the new version: collect → verify (no longer check)
        taskService.complete(task(first, "collect").getId());
        assertThat(task(first, "verify")).isNotNull();
        assertThat(audit.byAction(ProcessLifecycleService.MIGRATED)).anySatisfy(e ->
                assertThat(e.getSummary()).contains("2 moved, 1 not moved"));
    }

    @Test
    void unparseableBpmnIsRejectedWithFileAndLineAndTheOldVersionKeepsServing() {
        String key = "lifecycleProbe";
        deploy("probe v1", file("lifecycle-probe.bpmn", twoStepProcess(key, "lifecycleProbeForm", "SUPERVISOR",
                false)), file("lifecycle-probe.form", form("lifecycleProbeForm", null)));
        ProcessDefinition serving = latest(key);
        long deployments = repository.createDeploymentQuery().count();

        String broken = twoStepProcess(key, "lifecycleProbeForm", "SUPERVISOR", true)
                .replace("<bpmn:endEvent id=\"end\" name=\"结束\"/>", "<bpmn:endEvent id=\"end\" name=\"结束\">");
        assertThatThrownBy(() -> deploy("probe broken", file("lifecycle-probe.bpmn", broken)))
                .isInstanceOfSatisfying(DeploymentRejectedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.file()).isEqualTo("lifecycle-probe.bpmn");
                        assertThat(p.code()).isEqualTo("xmlInvalid");
                        assertThat(p.line()).isNotNull().isGreaterThan(1);
                    });
                    assertThat(e.getMessage()).startsWith("lifecycle-probe.bpmn:").contains("XML cannot be read");
                });
        assertThat(latest(key).getId()).isEqualTo(serving.getId());
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

        // unknown candidate group, missing sequence-flow target, a task nobody can do
        String unknownGroup = twoStepProcess(key, "lifecycleProbeForm", "NOSUCHUNIT.CLERK", true)
                .replace("<bpmn:userTask id=\"approve\" name=\"批准\" camunda:formRef=\"lifecycleProbeForm\" "
                        + "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"NOSUCHUNIT.CLERK\"/>",
                        "<bpmn:userTask id=\"approve\" name=\"批准\" camunda:formRef=\"lifecycleProbeForm\" "
                                + "camunda:formRefBinding=\"deployment\"/>");
        assertThatThrownBy(() -> deploy("probe groups", file("lifecycle-probe.bpmn", unknownGroup)))
                .isInstanceOfSatisfying(DeploymentRejectedException.class, e -> {
                    assertThat(e.problems()).extracting(ValidationProblem::file).containsOnly("lifecycle-probe.bpmn");
                    assertThat(e.problems()).extracting(ValidationProblem::code).containsExactlyInAnyOrder(
                            "unknownGroup", "unknownGroup", "userTaskNobody");
                    assertThat(e.problems().get(0).message(Locale.ENGLISH)).contains("收集材料 (collect)",
                            "NOSUCHUNIT.CLERK", "matches no role and no active unit");
                    assertThat(e.problems().get(0).message(Locale.SIMPLIFIED_CHINESE)).contains("候选组“NOSUCHUNIT.CLERK”");
                });
        String missingTarget = twoStepProcess(key, "lifecycleProbeForm", "KJJ.REVIEWER", false)
                .replace("targetRef=\"end\"", "targetRef=\"nowhere\"");
        assertThatThrownBy(() -> deploy("probe flow", file("lifecycle-probe.bpmn", missingTarget)))
                .isInstanceOfSatisfying(DeploymentRejectedException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("lifecycle-probe.bpmn:9: Sequence flow f3 leads to nowhere, which does not exist."));
        assertThat(latest(key).getId()).isEqualTo(serving.getId());
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void dmnTheEngineRefusesIsRejectedNamingTheFile() {
        String key = "lifecycleDecision";
        deploy("decision v1", file("lifecycle-decision.dmn", ProcessFixtures.dmn(key)));
        String serving = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult().getId();

        assertThatThrownBy(() -> deploy("decision broken", file("lifecycle-decision.dmn",
                ProcessFixtures.brokenDmn(key))))
                .isInstanceOfSatisfying(DeploymentRejectedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.file()).isEqualTo("lifecycle-decision.dmn");
                        assertThat(p.code()).isEqualTo("dmnRejected");
                    });
                    assertThat(e.getMessage()).startsWith("lifecycle-decision.dmn: The decision engine rejects it:")
                            .containsIgnoringCase("input");
                });
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult().getId()).isEqualTo(serving);
        assertThat(actors.as("admin", () -> lifecycle.decisions())).filteredOn(d -> d.key().equals(key))
                .singleElement().extracting(DecisionVersion::version).isEqualTo(1);
    }

    @Test
    void formWithAComponentTheRendererLacksOrWithoutAFieldDubanReadsIsRejected() {
        String key = "lifecycleForms";
        String formKey = "lifecycleFormsForm";
        deploy("forms v1", file("lifecycle-forms.bpmn", twoStepProcess(key, formKey, "SUPERVISOR", false)),
                file("lifecycle-forms.form", form(formKey, null)));
        ProcessDefinition serving = latest(key);

        String iframe = "{\"type\": \"iframe\", \"id\": \"Field_map\", \"url\": \"https://example.org\"}";
        assertThatThrownBy(() -> deploy("forms v2", file("lifecycle-forms.bpmn", twoStepProcess(key, formKey,
                "SUPERVISOR", true)), file("lifecycle-forms.form", form(formKey, iframe))))
                .isInstanceOfSatisfying(DeploymentRejectedException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.file()).isEqualTo("lifecycle-forms.form");
                        assertThat(p.code()).isEqualTo("formUnsupported");
                        assertThat(p.line()).isEqualTo(6);
                    });
                    assertThat(e.getMessage()).startsWith("lifecycle-forms.form:6: Component Field_map (iframe) "
                            + "is not supported by Duban's form renderer. Supported: [");
                });
        assertThat(latest(key).getId()).isEqualTo(serving.getId());

        // the fill-report form must keep the fields the report columns come from
        String withoutNarrative = ProcessFixtures.classpath("bpmn/forms/fill-report.form")
                .replace("\"key\": \"narrative\"", "\"key\": \"story\"");
        assertThat(actors.as("admin", () -> lifecycle.validate(List.of(file("fill-report.form", withoutNarrative)))))
                .extracting(ValidationProblem::code, p -> p.args().get(1))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("formMissingField", "narrative"));
        // a choice whose options nothing supplies (only unitOptions is)
        String unknownSource = "{\"type\": \"select\", \"key\": \"who\", \"id\": \"Field_who\","
                + " \"valuesKey\": \"peopleOptions\"}";
        assertThat(actors.as("admin", () -> lifecycle.validate(List.of(file("lifecycle-choice.form",
                form("lifecycleChoiceForm", unknownSource))))))
                .extracting(ValidationProblem::code, p -> p.args().get(1))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("formUnknownValuesKey", "peopleOptions"));
        // a task whose form is neither uploaded nor deployed
        assertThat(actors.as("admin", () -> lifecycle.validate(List.of(file("x.bpmn",
                twoStepProcess("lifecycleNoForm", "noSuchForm", "SUPERVISOR", false))))))
                .extracting(ValidationProblem::code).containsOnly("formRefNotInUpload");
    }

    @Test
    void theShippedProcessesDecisionsAndFormsPassTheChecks() throws Exception {
        List<DeploymentFile> shipped = new java.util.ArrayList<>();
        for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:bpmn/**/*.*")) {
            String url = resource.getURL().toString();
            if (url.endsWith(".bpmn") || url.endsWith(".dmn") || url.endsWith(".form")) {
                shipped.add(new DeploymentFile(url.substring(url.lastIndexOf("bpmn/") + 5),
                        resource.getContentAsByteArray()));
            }
        }
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(20);
        assertThat(actors.as("admin", () -> lifecycle.validate(shipped))).isEmpty();
    }

    @Test
    void listsWhatIsDeployedWithRunningCountsForAdminsOnly() {
        List<ProcessVersion> processes = actors.as("admin", () -> lifecycle.processes());
        ProcessVersion report = processes.stream().filter(p -> p.key().equals(ProcessKeys.PROGRESS_REPORT)
                && p.latest()).findFirst().orElseThrow();
        assertThat(report.version()).isEqualTo(latest(ProcessKeys.PROGRESS_REPORT).getVersion());
        assertThat(report.runningInstances()).isEqualTo(runtime.createProcessInstanceQuery()
                .processDefinitionId(report.id()).count());
        assertThat(processes).filteredOn(ProcessVersion::latest).extracting(ProcessVersion::key)
                .contains(ProcessKeys.KEY_TASK_SUPERVISION, ProcessKeys.REPORTING_CALENDAR)
                .doesNotHaveDuplicates();
        assertThat(actors.as("admin", () -> lifecycle.decisions())).extracting(DecisionVersion::key)
                .contains(ProcessKeys.ESCALATION_POLICY_DECISION);
        assertThat(actors.as("admin", () -> lifecycle.forms())).extracting(FormVersion::key)
                .contains("fillReport", "reviewReport", "signOffReport");

        assertThatThrownBy(() -> actors.as("supervisor", () -> lifecycle.processes()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors.as("kjj.clerk", () -> lifecycle.deploy("x", List.of(file("a.form",
                form("a", null)))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lifecycle.forms()).isInstanceOf(AccessDeniedException.class);
    }
}
