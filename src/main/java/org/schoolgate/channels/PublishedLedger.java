package org.schoolgate.channels;

/**
 * What Schoolgate published, as the posts feature knows it. Channels asks it (and its own publish
 * journal) whether a post found on a platform went through the workflow.
 */
public interface PublishedLedger {

    boolean isKnown(long channelId, String platformPostId);
}
