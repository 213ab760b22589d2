package org.duban.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.duban.audit.AuditService;
import org.duban.org.AppUser;
import org.duban.org.AppUserRepository;
import org.duban.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users what happened to their work: an in-app notification for every recipient, written in the caller's
 * transaction; e-mail (unless opted out) and, for urging and escalation, SMS, sent only after that transaction
 * commits. The workflow calls {@code notify*}; the notification centre calls the rest for the signed-in user.
 */
@Service
@Transactional
public class NotificationService {

    public static final String EMAIL_OPT_OUT_CHANGED = "EMAIL_OPT_OUT_CHANGED";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final String OWN_ONLY = "#username == authentication.name";

    private final NotificationRepository notifications;
    private final Recipients recipients;
    private final NotificationTemplates templates;
    private final AppUserRepository users;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Recipients recipients, NotificationTemplates templates,
            AppUserRepository users, AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.templates = templates;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Notifies these users; unknown and inactive ones are skipped. */
    public void notifyUsers(NotificationKind kind, Collection<String> usernames, NotificationContent content) {
        send(kind, recipients.byUsernames(usernames), content);
    }

    /**
     * Notifies the active members of a candidate group: {@code CAOXIAN.CLERK} is 曹县's clerks, {@code SUPERVISOR}
     * every supervisor.
     */
    public void notifyGroup(NotificationKind kind, String candidateGroup, NotificationContent content) {
        send(kind, recipients.ofGroup(candidateGroup), content);
    }

    @PreAuthorize(OWN_ONLY)
    @Transactional(readOnly = true)
    public long unreadCount(String username) {
        return notifications.countByRecipientAndReadAtIsNull(username);
    }

    /** A page of the user's notifications, newest first whatever sort the page asks for. */
    @PreAuthorize(OWN_ONLY)
    @Transactional(readOnly = true)
    public Page<Notification> list(String username, Pageable page) {
        Pageable newestFirst = page.isPaged() ? PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST)
                : Pageable.unpaged(NEWEST_FIRST);
        return notifications.findByRecipient(username, newestFirst);
    }

    @PreAuthorize(OWN_ONLY)
    @Transactional(readOnly = true)
    public long count(String username) {
        return notifications.countByRecipient(username);
    }

    /** Marks one of the user's own notifications read; another user's is refused. */
    @PreAuthorize(OWN_ONLY)
    public void markRead(long notificationId, String username) {
        Notification notification = notifications.findById(notificationId)
                .orElseThrow(() -> new NotFoundException("Notification " + notificationId));
        if (!notification.getRecipient().equals(username)) {
            throw new AccessDeniedException("Notification " + notificationId + " is not " + username + "'s");
        }
        notification.markRead(clock.instant());
    }

    /** Returns how many were unread. */
    @PreAuthorize(OWN_ONLY)
    public int markAllRead(String username) {
        return notifications.markAllRead(username, clock.instant());
    }

    @PreAuthorize(OWN_ONLY)
    @Transactional(readOnly = true)
    public EmailPreference emailPreference(String username) {
        AppUser user = user(username);
        return new EmailPreference(user.getEmail(), user.isEmailOptOut());
    }

    /** The user's own choice to receive notification mail or not; in-app notifications continue either way. */
    @PreAuthorize(OWN_ONLY)
    public void setEmailOptOut(String username, boolean optOut) {
        AppUser user = user(username);
        boolean before = user.isEmailOptOut();
        if (before == optOut) {
            return;
        }
        user.setEmailOptOut(optOut);
        audit.record(username, EMAIL_OPT_OUT_CHANGED, "AppUser", username,
                optOut ? "不再接收通知邮件" : "恢复接收通知邮件", "emailOptOut=" + before, "emailOptOut=" + optOut);
    }

    private void send(NotificationKind kind, List<AppUser> to, NotificationContent content) {
        if (to.isEmpty()) {
            return;
        }
        String actorName = recipients.actorName(content.actor());
        List<OutboundMessages.Mail> mails = new ArrayList<>();
        List<OutboundMessages.Sms> texts = new ArrayList<>();
        for (AppUser user : to) {
            RenderedNotification text = templates.render(kind, content, actorName, user.getDisplayName());
            notifications.save(new Notification(user.getUsername(), kind, text.title(), text.summary(),
                    content.link(), clock.instant()));
            if (hasText(user.getEmail()) && !user.isEmailOptOut()) {
                mails.add(new OutboundMessages.Mail(user.getEmail(), user.getDisplayName(), text.subject(),
                        text.body()));
            }
            if (kind.sendsSms() && hasText(user.getMobile())) {
                texts.add(new OutboundMessages.Sms(user.getMobile(), text.sms()));
            }
        }
        OutboundMessages outbound = new OutboundMessages(mails, texts);
        if (!outbound.isEmpty()) {
            events.publishEvent(outbound);
        }
    }

    private AppUser user(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("User " + username));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
