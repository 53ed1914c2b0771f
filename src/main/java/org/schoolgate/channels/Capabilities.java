package org.schoolgate.channels;

import java.util.EnumSet;
import java.util.Set;

/** The operations a connector supports (IG cannot hide the account's own comments; instagram4j cannot hide at all). */
public record Capabilities(Set<Operation> operations) {

    /** DELETE removes a comment; DELETE_POST removes one of the account's own posts (a take-down). */
    public enum Operation { LIST_POSTS, LIST_COMMENTS, HIDE, DELETE, REPLY, PUBLISH, DELETE_POST, HEALTH }

    public static Capabilities of(Operation first, Operation... rest) {
        return new Capabilities(Set.copyOf(EnumSet.of(first, rest)));
    }

    public boolean can(Operation op) {
        return operations.contains(op);
    }
}
