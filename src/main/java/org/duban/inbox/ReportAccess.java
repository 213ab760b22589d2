package org.duban.inbox;

import org.duban.org.Role;
import org.duban.reporting.ProgressReport;
import org.duban.security.DubanUserDetails;
import org.duban.workflow.WorkflowAccessException;

/** Who may see a report (its unit, its reviewing lead unit, the supervision office, admins) and who may write it. */
final class ReportAccess {

    private ReportAccess() {
    }

    static boolean maySee(DubanUserDetails user, ProgressReport report) {
        return user.getUnitCode().equals(report.getUnit().getCode())
                || user.getUnitCode().equals(report.getReviewerUnit().getCode()) || user.hasRole(Role.SUPERVISOR)
                || user.hasRole(Role.ADMIN);
    }

    static void requireMaySee(DubanUserDetails user, ProgressReport report) {
        if (!maySee(user, report)) {
            throw new WorkflowAccessException("您无权查看此报告 / " + user.getUsername() + " may not see report "
                    + report.getBusinessKey());
        }
    }

    static boolean isClerkOf(DubanUserDetails user, ProgressReport report) {
        return user.hasRole(Role.CLERK) && user.getUnitCode().equals(report.getUnit().getCode());
    }

    static boolean isLeaderOf(DubanUserDetails user, ProgressReport report) {
        return user.hasRole(Role.UNIT_LEADER) && user.getUnitCode().equals(report.getUnit().getCode());
    }
}
