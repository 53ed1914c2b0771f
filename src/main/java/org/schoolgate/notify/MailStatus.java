package org.schoolgate.notify;

public enum MailStatus {
    PENDING, SENT, FAILED
}
