package org.duban.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.duban.shared.BaseEntity;

/** One in-app notification for one user, with its text rendered when it was created. */
@Entity
@Table(name = "notification")
public class Notification extends BaseEntity {

    static final int TITLE_LENGTH = 300;

    @Column(nullable = false, updatable = false, length = 60)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private NotificationKind kind;

    @Column(nullable = false, updatable = false, length = TITLE_LENGTH)
    private String title;

    @Column(updatable = false, length = BaseEntity.LONG_TEXT)
    private String body;

    @Column(updatable = false, length = 300)
    private String link;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, NotificationKind kind, String title, String body, String link, Instant createdAt) {
        this.recipient = recipient;
        this.kind = kind;
        // task titles can be long; the full text stays in the body
        this.title = title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH - 1) + "…";
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    /** Keeps the first time it was read. */
    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public boolean isRead() {
        return readAt != null;
    }

    public String getRecipient() {
        return recipient;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
