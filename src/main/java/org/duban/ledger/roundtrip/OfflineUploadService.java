package org.duban.ledger.roundtrip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditService;
import org.duban.catalog.Indicator;
import org.duban.ledger.LedgerText;
import org.duban.reporting.ProgressReport;
import org.duban.reporting.ReportForm;
import org.duban.reporting.ReportService;
import org.duban.security.CurrentUser;
import org.duban.security.DubanUserDetails;
import org.duban.workflow.forms.FieldError;
import org.duban.workflow.forms.FormDefinitions;
import org.duban.workflow.forms.FormValidationException;
import org.duban.workflow.forms.FormValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a filled-in offline template back: checks the file, then every row on its own — the key, that the report is
 * the uploader's unit's and still with the clerk, every cell, and the fill-in form's own rules — and saves each valid
 * row as a draft through {@link ReportService#saveDraft}, the same call the report form makes. Nothing is submitted:
 * the clerk confirms each draft in the report form. A row is written whole or not at all.
 */
@Service
public class OfflineUploadService {

    private static final Logger log = LoggerFactory.getLogger(OfflineUploadService.class);
    private static final Pattern ROW_FIELD = Pattern.compile(ReportForm.INDICATORS + "\\[(\\d+)]\\..*");
    private static final String MACRO_CONTENT = "macroEnabled";
    private static final String VBA_PART = "vbaproject";

    private final OfflineReports reports;
    private final ReportService reportService;
    private final FormDefinitions forms;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final long maxBytes;

    public OfflineUploadService(OfflineReports reports, ReportService reportService, FormDefinitions forms,
            CurrentUser currentUser, AuditService audit, PlatformTransactionManager transactions,
            @Value("${duban.offline.max-bytes:5242880}") long maxBytes) {
        this.reports = reports;
        this.reportService = reportService;
        this.forms = forms;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Not one transaction on purpose: each row is its own, so a bad row never undoes a good one.
     *
     * @throws TemplateRejectedException when the file as a whole is refused; then nothing was written
     */
    public UploadResult upload(String fileName, byte[] content, Locale locale) {
        DubanUserDetails user = currentUser.require();
        OfflineReports.requireClerk(user);
        LedgerText text = LedgerText.of(locale);
        checkFile(fileName, content, text);
        try (XSSFWorkbook workbook = open(content, text)) {
            Marker marker = marker(workbook, text);
            if (!marker.unitCode().equals(user.getUnitCode())) {
                throw new TemplateRejectedException(text.get("ledger.offline.reject.otherUnit", marker.unitCode(),
                        user.getUnitCode()));
            }
            Sheet sheet = workbook.getSheetAt(0);
            checkLayout(sheet, marker, text);
            UploadResult result = readRows(sheet, marker, user, text);
            tx.executeWithoutResult(s -> audit.record(user.getUsername(), "OFFLINE_UPLOAD", "ReportingCycle",
                    marker.periodCode() + "-" + marker.unitCode(), text.get("ledger.offline.audit",
                            result.saved().size(), result.rowsWithErrors(), fileName), null, null));
            return result;
        } catch (IOException e) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.unreadable", e.getMessage()));
        }
    }

    private void checkFile(String fileName, byte[] content, LedgerText text) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsm") || name.endsWith(".xltm") || name.endsWith(".xlam")) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.macros"));
        }
        if (name.endsWith(".xls")) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.oldFormat"));
        }
        if (!name.endsWith(".xlsx")) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.type", fileName));
        }
        if (content == null || content.length == 0) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.empty"));
        }
        if (content.length > maxBytes) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.size", maxBytes / 1024 / 1024));
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            // an .xlsx saved with a password is an OLE2 container too
            throw new TemplateRejectedException(text.get("ledger.offline.reject.encrypted"));
        }
        if (magic != FileMagic.OOXML) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.notXlsx"));
        }
    }

    /** Opens the package (POI's zip-bomb limits apply; XSSF parses XML without external entities) and refuses macros. */
    private static XSSFWorkbook open(byte[] content, LedgerText text) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            for (PackagePart part : pkg.getParts()) {
                if (part.getContentType().contains(MACRO_CONTENT)
                        || part.getPartName().getName().toLowerCase(Locale.ROOT).contains(VBA_PART)) {
                    pkg.revert();
                    throw new TemplateRejectedException(text.get("ledger.offline.reject.macros"));
                }
            }
            return new XSSFWorkbook(pkg);
        } catch (TemplateRejectedException e) {
            throw e;
        } catch (IOException | InvalidFormatException | UnsupportedFileFormatException e) {
            revertQuietly(pkg);
            throw new TemplateRejectedException(text.get("ledger.offline.reject.unreadable", e.getMessage()));
        } catch (RuntimeException e) {
            // POI reports broken or hostile files with assorted runtime exceptions (zip bomb, bad XML, …)
            revertQuietly(pkg);
            throw new TemplateRejectedException(text.get("ledger.offline.reject.unreadable", e.getMessage()));
        }
    }

    private static void revertQuietly(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }

    private record Marker(String unitCode, Long cycleId, String periodCode, int indicators) {
    }

    private static Marker marker(XSSFWorkbook workbook, LedgerText text) {
        Sheet sheet = workbook.getSheet(OfflineTemplate.MARKER_SHEET);
        if (sheet == null || !OfflineTemplate.MARKER.equals(value(sheet, 0, 0))) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.notTemplate"));
        }
        if (!OfflineTemplate.FORMAT_VERSION.equals(value(sheet, 0, 1))) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.version"));
        }
        try {
            return new Marker(value(sheet, 1, 1), Long.valueOf(value(sheet, 2, 1)), value(sheet, 3, 1),
                    Integer.parseInt(value(sheet, 4, 1)));
        } catch (RuntimeException e) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.notTemplate"));
        }
    }

    private static String value(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return cell == null ? null : cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                : cell.getCellType() == CellType.NUMERIC ? NumberToTextConverter.toText(cell.getNumericCellValue())
                        : null;
    }

    /** Columns moved, added or removed would put values in the wrong fields: refuse the file rather than guess. */
    private static void checkLayout(Sheet sheet, Marker marker, LedgerText text) {
        Row header = sheet.getRow(OfflineTemplate.HEADER_ROW);
        int expected = OfflineTemplate.columnCount(marker.indicators());
        if (header == null || header.getLastCellNum() != expected) {
            throw new TemplateRejectedException(text.get("ledger.offline.reject.layout"));
        }
    }

    private UploadResult readRows(Sheet sheet, Marker marker, DubanUserDetails user, LedgerText text) {
        List<UploadResult.SavedRow> saved = new ArrayList<>();
        List<Integer> unchanged = new ArrayList<>();
        List<CellError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = OfflineTemplate.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            RowInput input = RowInput.read(row, marker.indicators());
            int excelRow = r + 1;
            if (input.blank()) {
                continue;
            }
            if (input.reportId() == null && input.businessKey() == null) {
                errors.add(new CellError(excelRow, letter(OfflineTemplate.REPORT_ID),
                        text.get("ledger.offline.error.noKey")));
                continue;
            }
            Integer earlier = input.reportId() == null ? null : seen.putIfAbsent(input.reportId(), excelRow);
            if (earlier != null) {
                errors.add(new CellError(excelRow, letter(OfflineTemplate.REPORT_ID),
                        text.get("ledger.offline.error.duplicate", earlier)));
                continue;
            }
            RowOutcome outcome = writeRow(excelRow, input, marker, user, text);
            switch (outcome.kind()) {
                case SAVED -> saved.add(outcome.saved());
                case UNCHANGED -> unchanged.add(excelRow);
                case FAILED -> errors.addAll(outcome.errors());
            }
        }
        return new UploadResult(marker.unitCode(), marker.periodCode(), saved, unchanged, errors);
    }

    private enum Kind { SAVED, UNCHANGED, FAILED }

    private record RowOutcome(Kind kind, UploadResult.SavedRow saved, List<CellError> errors) {

        static RowOutcome failed(List<CellError> errors) {
            return new RowOutcome(Kind.FAILED, null, errors);
        }

        static RowOutcome failed(CellError error) {
            return failed(List.of(error));
        }
    }

    /** One row in its own transaction: checked and saved together, or not at all. */
    private RowOutcome writeRow(int excelRow, RowInput input, Marker marker, DubanUserDetails user,
            LedgerText text) {
        try {
            return tx.execute(s -> {
                RowOutcome outcome = checkAndSave(excelRow, input, marker, user, text);
                if (outcome.kind() != Kind.SAVED) {
                    s.setRollbackOnly();
                }
                return outcome;
            });
        } catch (FormValidationException e) {
            return RowOutcome.failed(fieldErrors(excelRow, e.errors()));
        } catch (OptimisticLockingFailureException e) {
            return RowOutcome.failed(new CellError(excelRow, null, text.get("ledger.offline.error.concurrent")));
        } catch (RuntimeException e) {
            // the report's own service refused (state, access): its message says why
            log.info("Offline upload row {} refused: {}", excelRow, e.toString());
            return RowOutcome.failed(new CellError(excelRow, null, e.getMessage()));
        }
    }

    private RowOutcome checkAndSave(int excelRow, RowInput input, Marker marker, DubanUserDetails user,
            LedgerText text) {
        Long reportId;
        try {
            reportId = Long.valueOf(input.reportId());
        } catch (RuntimeException e) {
            return RowOutcome.failed(new CellError(excelRow, letter(OfflineTemplate.REPORT_ID),
                    text.get("ledger.offline.error.tampered")));
        }
        ProgressReport report = reports.find(reportId).orElse(null);
        if (report == null) {
            return RowOutcome.failed(new CellError(excelRow, letter(OfflineTemplate.REPORT_ID),
                    text.get("ledger.offline.error.notFound", input.reportId())));
        }
        if (!report.getBusinessKey().equals(input.businessKey())) {
            return RowOutcome.failed(new CellError(excelRow, letter(OfflineTemplate.BUSINESS_KEY),
                    text.get("ledger.offline.error.tampered")));
        }
        if (!report.getUnit().getCode().equals(user.getUnitCode())) {
            return RowOutcome.failed(new CellError(excelRow, letter(OfflineTemplate.REPORT_ID),
                    text.get("ledger.offline.error.otherUnit", report.getBusinessKey(), report.getUnit().getName())));
        }
        if (!report.getCycle().getId().equals(marker.cycleId())) {
            return RowOutcome.failed(new CellError(excelRow, letter(OfflineTemplate.REPORT_ID),
                    text.get("ledger.offline.error.otherCycle", report.getBusinessKey(), marker.periodCode())));
        }
        Task fill = reports.fillTask(report).orElse(null);
        if (!report.getStatus().isEditableByClerk() || fill == null) {
            return RowOutcome.failed(new CellError(excelRow, letter(OfflineTemplate.STATUS),
                    text.get("ledger.offline.error.closed", report.getBusinessKey(), text.status(report.getStatus()))));
        }
        if (!OfflineReports.mayFill(fill, user)) {
            return RowOutcome.failed(new CellError(excelRow, letter(OfflineTemplate.STATUS),
                    text.get("ledger.offline.error.taken", report.getBusinessKey(), fill.getAssignee())));
        }
        if (!OfflineTemplate.fingerprint(report).equals(input.fingerprint())) {
            return RowOutcome.failed(new CellError(excelRow, null,
                    text.get("ledger.offline.error.changed", report.getBusinessKey())));
        }

        List<CellError> errors = new ArrayList<>();
        List<Indicator> indicators = report.getTask().getIndicators();
        Fields fields = parse(excelRow, input, indicators.size(), errors, text);
        if (!errors.isEmpty()) {
            return RowOutcome.failed(errors);
        }
        if (fields.sameAs(report, indicators)) {
            return new RowOutcome(Kind.UNCHANGED, null, List.of());
        }
        Map<String, Object> values = fields.applyTo(ReportForm.toValues(report));
        List<FieldError> broken = FormValidator.validate(forms.forTask(fill.getId()), values, true);
        if (!broken.isEmpty()) {
            return RowOutcome.failed(fieldErrors(excelRow, broken));
        }
        reportService.saveDraft(report.getId(), values);
        return new RowOutcome(Kind.SAVED, new UploadResult.SavedRow(excelRow, report.getId(),
                report.getBusinessKey(), report.getTask().getCode() + " " + report.getTask().getTitle()), List.of());
    }

    /** The clerk's fields as read from a row; null means the cell was left empty (and clears the field). */
    private record Fields(String narrative, Integer percentDone, String problems, String nextSteps,
            List<BigDecimal> actuals) {

        boolean sameAs(ProgressReport report, List<Indicator> indicators) {
            if (!Objects.equals(narrative, report.getNarrative()) || !Objects.equals(percentDone,
                    report.getPercentDone()) || !Objects.equals(problems, report.getProblems())
                    || !Objects.equals(nextSteps, report.getNextSteps())) {
                return false;
            }
            for (int i = 0; i < indicators.size(); i++) {
                BigDecimal stored = report.actualFor(indicators.get(i).getId()).map(a -> a.getActualValue())
                        .orElse(null);
                BigDecimal given = actuals.get(i);
                if (stored == null ? given != null : given == null || stored.compareTo(given) != 0) {
                    return false;
                }
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> applyTo(Map<String, Object> current) {
            Map<String, Object> values = new LinkedHashMap<>(current);
            put(values, ReportForm.NARRATIVE, narrative);
            put(values, ReportForm.PERCENT_DONE, percentDone);
            put(values, ReportForm.PROBLEMS, problems);
            put(values, ReportForm.NEXT_STEPS, nextSteps);
            List<Map<String, Object>> rows = new ArrayList<>();
            List<?> stored = values.get(ReportForm.INDICATORS) instanceof List<?> l ? l : List.of();
            for (int i = 0; i < stored.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) stored.get(i));
                put(row, ReportForm.ROW_ACTUAL, i < actuals.size() ? actuals.get(i) : null);
                rows.add(row);
            }
            values.put(ReportForm.INDICATORS, rows);
            return values;
        }

        private static void put(Map<String, Object> map, String key, Object value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }
    }

    private static Fields parse(int excelRow, RowInput input, int indicatorCount, List<CellError> errors,
            LedgerText text) {
        Integer percent = null;
        BigDecimal percentValue = number(excelRow, OfflineTemplate.PERCENT, input.percent(), errors, text);
        if (percentValue != null) {
            if (percentValue.stripTrailingZeros().scale() > 0) {
                errors.add(new CellError(excelRow, letter(OfflineTemplate.PERCENT),
                        text.get("ledger.offline.error.wholeNumber", input.percent())));
            } else if (percentValue.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                errors.add(new CellError(excelRow, letter(OfflineTemplate.PERCENT),
                        text.get("ledger.offline.error.tooLarge", input.percent())));
            } else {
                percent = percentValue.intValueExact();
            }
        }
        List<BigDecimal> actuals = new ArrayList<>();
        for (int i = 0; i < input.actuals().size(); i++) {
            int column = OfflineTemplate.actualColumn(i);
            String raw = input.actuals().get(i);
            if (i >= indicatorCount) {
                if (raw != null) {
                    errors.add(new CellError(excelRow, letter(column),
                            text.get("ledger.offline.error.noSuchIndicator", indicatorCount)));
                }
                continue;
            }
            BigDecimal value = number(excelRow, column, raw, errors, text);
            if (value != null && value.stripTrailingZeros().scale() > OfflineTemplate.MAX_DECIMALS) {
                errors.add(new CellError(excelRow, letter(column), text.get("ledger.offline.error.decimals",
                        OfflineTemplate.MAX_DECIMALS, raw)));
                value = null;
            } else if (value != null && value.abs().compareTo(OfflineTemplate.MAX_ACTUAL) > 0) {
                errors.add(new CellError(excelRow, letter(column), text.get("ledger.offline.error.tooLarge", raw)));
                value = null;
            }
            actuals.add(value == null ? null : value.stripTrailingZeros());
        }
        while (actuals.size() < indicatorCount) {
            actuals.add(null);
        }
        return new Fields(input.narrative(), percent, input.problems(), input.nextSteps(), actuals);
    }

    private static BigDecimal number(int excelRow, int column, String raw, List<CellError> errors, LedgerText text) {
        if (raw == null) {
            return null;
        }
        // full-width digits and signs (１２３，－) are common from Chinese input methods
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace(" ", "");
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            errors.add(new CellError(excelRow, letter(column), text.get("ledger.offline.error.notNumber", raw)));
            return null;
        }
    }

    /** The form's errors placed on the template's columns; fields the template has no column for name the row. */
    private static List<CellError> fieldErrors(int excelRow, List<FieldError> fieldErrors) {
        List<CellError> errors = new ArrayList<>();
        for (FieldError e : fieldErrors) {
            Integer column = switch (e.key()) {
                case ReportForm.NARRATIVE -> OfflineTemplate.NARRATIVE;
                case ReportForm.PERCENT_DONE -> OfflineTemplate.PERCENT;
                case ReportForm.PROBLEMS -> OfflineTemplate.PROBLEMS;
                case ReportForm.NEXT_STEPS -> OfflineTemplate.NEXT_STEPS;
                default -> {
                    Matcher m = ROW_FIELD.matcher(e.key());
                    yield m.matches() ? OfflineTemplate.actualColumn(Integer.parseInt(m.group(1)) - 1) : null;
                }
            };
            errors.add(new CellError(excelRow, column == null ? null : letter(column),
                    column == null ? e.label() + "：" + e.message() : e.message()));
        }
        return errors;
    }

    private static String letter(int column) {
        return OfflineTemplate.letter(column);
    }

    /** The raw text of one data row's cells: key columns and the clerk's fields, blank cells as null. */
    private record RowInput(String reportId, String businessKey, String fingerprint, String narrative,
            String percent, String problems, String nextSteps, List<String> actuals) {

        static RowInput read(Row row, int indicators) {
            List<String> actuals = new ArrayList<>();
            for (int i = 0; i < indicators; i++) {
                actuals.add(text(row.getCell(OfflineTemplate.actualColumn(i))));
            }
            return new RowInput(text(row.getCell(OfflineTemplate.REPORT_ID)),
                    text(row.getCell(OfflineTemplate.BUSINESS_KEY)), text(row.getCell(OfflineTemplate.FINGERPRINT)),
                    text(row.getCell(OfflineTemplate.NARRATIVE)), text(row.getCell(OfflineTemplate.PERCENT)),
                    text(row.getCell(OfflineTemplate.PROBLEMS)), text(row.getCell(OfflineTemplate.NEXT_STEPS)),
                    actuals);
        }

        boolean blank() {
            return reportId == null && businessKey == null && fingerprint == null && narrative == null
                    && percent == null && problems == null && nextSteps == null
                    && actuals.stream().allMatch(Objects::isNull);
        }

        /** Excel turns a typed "60%" into 0.6 shown as a percentage; the clerk meant 60. */
        private static String numeric(Cell cell) {
            double value = cell.getNumericCellValue();
            String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
            if (format != null && format.contains("%")) {
                return new BigDecimal(NumberToTextConverter.toText(value)).movePointRight(2).stripTrailingZeros()
                        .toPlainString();
            }
            return NumberToTextConverter.toText(value);
        }

        /** A cell as text, as Excel shows it; formulas by their last computed value. */
        private static String text(Cell cell) {
            if (cell == null) {
                return null;
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                    : cell.getCellType();
            String value = switch (type) {
                case STRING -> cell.getStringCellValue();
                case NUMERIC -> numeric(cell);
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
                default -> null;
            };
            if (value == null) {
                return null;
            }
            value = value.replace("\r\n", "\n").replace('\r', '\n').strip();
            return value.isEmpty() ? null : value;
        }
    }
}
