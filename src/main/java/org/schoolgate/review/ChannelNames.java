package org.schoolgate.review;

import java.util.Map;

/**
 * The names of a school's channels, for the queue's channel filter and labels. The channels feature
 * implements it; the queue knows channels only by id.
 */
public interface ChannelNames {

    /** Channel id → name, for the school's channels. */
    Map<Long, String> of(long schoolId);
}
