package org.schoolgate.channels.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentSweepTest {

    @Test
    void aFullCommentPollOfASmallPageMakesNoMoreThanOnePointTwoTimesTheMinimumCalls() {
        CommentPollBenchmark.Figures f = CommentPollBenchmark.run(120, 6_000, 7);
        assertThat(f.comments()).isEqualTo(6_000);
        assertThat((double) f.calls() / f.minimum()).isLessThanOrEqualTo(1.2);
    }
}
