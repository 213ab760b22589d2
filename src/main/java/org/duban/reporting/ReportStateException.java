package org.duban.reporting;

/** An action that the report's current status does not allow (e.g. editing a report already under review). */
public class ReportStateException extends RuntimeException {

    public ReportStateException(String businessKey, String action, ReportStatus status) {
        super("报告 " + businessKey + " 当前状态为 " + status + "，不能" + action + " / report " + businessKey
                + " is " + status + ": cannot " + action);
    }
}
