package org.duban.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ProgressReportRepository;
import org.duban.reporting.ReportForm;
import org.duban.reporting.ReportStatus;
import org.duban.review.ReviewDecision;
import org.duban.review.ReviewService;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.shared.NotFoundException;
import org.duban.workflow.forms.FormDefinitions;
import org.duban.workflow.forms.FormSchema;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the form screen of a report ({@link ReportScreen}) for whoever may see it. */
@Service
public class ReportScreenService {

    static final String FILL_FORM_RESOURCE = "forms/fill-report.form";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProgressReportRepository reports;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final FormDefinitions forms;
    private final ReviewService reviewService;
    private final AttachmentService attachments;
    private final CurrentUser currentUser;

    public ReportScreenService(ProgressReportRepository reports, TaskService taskService,
            HistoryService historyService, RepositoryService repositoryService, FormDefinitions forms,
            ReviewService reviewService, AttachmentService attachments, CurrentUser currentUser) {
        this.reports = reports;
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.forms = forms;
        this.reviewService = reviewService;
        this.attachments = attachments;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public ReportScreen open(Long reportId) {
        DubanUserDetails user = currentUser.require();
        ProgressReport report = reports.findById(reportId)
                .orElseThrow(() -> new NotFoundException("No progress report " + reportId));
        ReportAccess.requireMaySee(user, report);
        List<Task> open = report.getProcessInstanceId() == null ? List.of()
                : taskService.createTaskQuery().processInstanceId(report.getProcessInstanceId()).list();
        Task fill = step(open, InboxService.FILL_REPORT);
        Task signOff = step(open, InboxService.SIGN_OFF_REPORT);
        Task review = step(open, TaskDueDates.REVIEW_REPORT);
        boolean clerk = ReportAccess.isClerkOf(user, report);
        boolean editable = clerk && fill != null && report.getStatus().isEditableByClerk()
                && (fill.getAssignee() == null || fill.getAssignee().equals(user.getUsername()));
        Task waiting = signOff != null ? signOff : review;
        boolean withdrawable = clerk && waiting != null && waiting.getAssignee() == null
                && (report.getStatus() == ReportStatus.AWAITING_SIGNOFF
                        || report.getStatus() == ReportStatus.AWAITING_REVIEW);
        String signOffTaskId = signOff != null && ReportAccess.isLeaderOf(user, report)
                && (signOff.getAssignee() == null || signOff.getAssignee().equals(user.getUsername()))
                        ? signOff.getId() : null;

        ProgressReport previous = reports.earlierOf(report.getTask().getId(), report.getUnit().getId(),
                report.getCycle().getPeriodStart()).stream().findFirst().orElse(null);
        ReviewDecision lastReturn = lastReturn(report);
        return new ReportScreen(report.getId(), report.getBusinessKey(), report.getTask().getCode(),
                report.getTask().getTitle(), report.getUnit().getName(), report.getCycle().getPeriodCode(),
                report.getDueOn(), report.getStatus(), report.getReturnCount(),
                fill != null ? forms.forTask(fill.getId()) : deployedFillForm(report),
                ReportForm.toValues(report), previous == null ? null : previous.getCycle().getPeriodCode(),
                previous == null ? null : ReportForm.toValues(previous),
                lastReturn == null ? null : lastReturn.getReason(),
                lastReturn == null ? null : lastReturn.getDecidedBy(),
                lastReturn == null ? Map.of() : comments(lastReturn.getFieldComments()),
                attachments.list(reportId), editable ? fill.getId() : null, editable, withdrawable, signOffTaskId);
    }

    /** The latest decision that sent the report back, while the report is still back with its unit. */
    private ReviewDecision lastReturn(ProgressReport report) {
        if (report.getStatus() != ReportStatus.RETURNED && !(report.getStatus() == ReportStatus.AWAITING_SIGNOFF
                && report.getReturnCount() > 0)) {
            return null;
        }
        List<ReviewDecision> decisions = reviewService.decisionsOn(report.getId());
        for (int i = decisions.size() - 1; i >= 0; i--) {
            ReviewDecision d = decisions.get(i);
            if (d.getDecision() == ReviewDecision.Outcome.RETURNED_TO_CLERK
                    || d.getDecision() == ReviewDecision.Outcome.RETURNED_TO_LEADER) {
                return d;
            }
            if (d.getDecision() == ReviewDecision.Outcome.APPROVED) {
                return null;
            }
        }
        return null;
    }

    private static Task step(List<Task> open, String activityId) {
        return open.stream().filter(t -> activityId.equals(t.getTaskDefinitionKey())).findFirst().orElse(null);
    }

    /** The fill-in form of the report's own process version, when its fill-in step is not open. */
    private FormSchema deployedFillForm(ProgressReport report) {
        if (report.getProcessInstanceId() != null) {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(report.getProcessInstanceId()).singleResult();
            if (instance != null) {
                String deploymentId = repositoryService.getProcessDefinition(instance.getProcessDefinitionId())
                        .getDeploymentId();
                if (repositoryService.getDeploymentResourceNames(deploymentId).contains(FILL_FORM_RESOURCE)) {
                    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, FILL_FORM_RESOURCE)) {
                        return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        try (InputStream in = new ClassPathResource("bpmn/" + FILL_FORM_RESOURCE).getInputStream()) {
            return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> comments(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
