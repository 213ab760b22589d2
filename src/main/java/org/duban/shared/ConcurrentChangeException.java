package org.duban.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Someone else changed or decided the same thing first. Replaces the raw JPA/engine locking exceptions so the loser of
 * a race reads what happened: the message is "中文 / English" like the services' other refusals, and
 * {@link #getMessageKey()} names the UI string (bundle {@code audit}). Still an
 * {@link OptimisticLockingFailureException}, so callers that already handle Spring's concurrency failures keep
 * working.
 */
public class ConcurrentChangeException extends OptimisticLockingFailureException {

    /** The thing changed meanwhile; the user should reload and try again. */
    public static final String CHANGED = "concurrency.changed";
    /** The task was completed by someone else meanwhile (param 0: who, 1: when). */
    public static final String ALREADY_DONE = "concurrency.alreadyDone";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String messageKey;
    private final transient Object[] messageParams;

    private ConcurrentChangeException(String message, String messageKey, Throwable cause, Object... params) {
        super(message, cause);
        this.messageKey = messageKey;
        this.messageParams = params;
    }

    /** The cause stays attached for the log; the message is for the user. */
    public static ConcurrentChangeException changed(Throwable cause) {
        return new ConcurrentChangeException("此报告已被他人处理或修改，请刷新后重试 / this report was changed or decided by "
                + "someone else meanwhile: refresh and try again", CHANGED, cause);
    }

    public static ConcurrentChangeException alreadyDone(String taskName, String byWhom, Instant when) {
        String who = byWhom == null ? "他人" : byWhom;
        String at = when == null ? "" : TIME.format(when.atZone(ZoneId.systemDefault()));
        return new ConcurrentChangeException("“" + taskName + "”已由 " + who + " 于 " + at + " 办理，请刷新后查看 / “"
                + taskName + "” was already done by " + (byWhom == null ? "someone else" : byWhom) + " at " + at
                + ": refresh to see the result", ALREADY_DONE, null, who, at);
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getMessageParams() {
        return messageParams == null ? new Object[0] : messageParams.clone();
    }
}
