package org.schoolgate.audit;

/** Result of walking the audit chain: intact, or the first event where it breaks and why. */
public record ChainVerdict(boolean intact, long eventsChecked, Long firstBrokenSeq, String problem) {

    static ChainVerdict ok(long checked) {
        return new ChainVerdict(true, checked, null, null);
    }

    static ChainVerdict broken(long checked, long seq, String problem) {
        return new ChainVerdict(false, checked, seq, problem);
    }
}
