package org.schoolgate.channels;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Until the posts feature provides the real ledger, nothing beyond channels' own journal is known. */
@DefaultBean
@ApplicationScoped
public class UnknownPublishedLedger implements PublishedLedger {

    @Override
    public boolean isKnown(long channelId, String platformPostId) {
        return false;
    }
}
