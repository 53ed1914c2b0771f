package org.schoolgate.channels;

/** What an adapter needs to act for one channel. */
public record ChannelAccess(Platform platform, String accountId, ChannelCredentials credentials,
                            PublishJournal journal) {
}
