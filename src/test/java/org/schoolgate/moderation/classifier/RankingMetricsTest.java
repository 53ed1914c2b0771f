package org.schoolgate.moderation.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void perfectRankingHasAucOneAndReversedZero() {
        double[] scores = {0.9, 0.8, 0.2, 0.1};
        assertEquals(1.0, RankingMetrics.rocAuc(scores, new boolean[] {true, true, false, false}), 1e-12);
        assertEquals(0.0, RankingMetrics.rocAuc(scores, new boolean[] {false, false, true, true}), 1e-12);
    }

    @Test
    void aucCountsPairsAndTiesHalf() {
        // positives 0.8, 0.4; negatives 0.6, 0.4: pairs (0.8>0.6) (0.8>0.4) (0.4<0.6) (0.4=0.4 → ½) = 2.5 / 4
        double[] scores = {0.8, 0.4, 0.6, 0.4};
        boolean[] positive = {true, true, false, false};
        assertEquals(0.625, RankingMetrics.rocAuc(scores, positive), 1e-12);
    }

    @Test
    void precisionAtRecallIsReweightedToThePrevalence() {
        // 10 positives, 10 negatives. Flag from 0.5: 9 positives (recall 0.9) and 1 negative (FPR 0.1).
        double[] scores = new double[20];
        boolean[] positive = new boolean[20];
        for (int i = 0; i < 10; i++) {
            positive[i] = true;
            scores[i] = i < 9 ? 0.9 : 0.1;
            scores[10 + i] = i == 0 ? 0.5 : 0.2;
        }
        RankingMetrics.OperatingPoint p = RankingMetrics.atRecall(scores, positive, 0.9, 0.05);
        assertEquals(0.9, p.recall(), 1e-12);
        assertEquals(0.9, p.threshold(), 1e-12);
        assertEquals(0.0, p.falsePositiveRate(), 1e-12);
        assertEquals(1.0, p.precision(), 1e-12);

        scores[8] = 0.4; // the ninth positive now ranks below the first negative
        p = RankingMetrics.atRecall(scores, positive, 0.9, 0.05);
        assertEquals(0.4, p.threshold(), 1e-12);
        assertEquals(0.1, p.falsePositiveRate(), 1e-12);
        // 0.05·0.9 / (0.05·0.9 + 0.95·0.1) = 0.045 / 0.14
        assertEquals(0.045 / 0.14, p.precision(), 1e-12);
    }
}
