package org.schoolgate.review;

public enum ReviewStatus {
    OPEN, RESOLVED
}
