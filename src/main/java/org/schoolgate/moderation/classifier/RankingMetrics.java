package org.schoolgate.moderation.classifier;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Threshold-free figures for a score: ROC-AUC, and the precision at a given recall re-weighted to a
 * prevalence other than the sample's. Re-weighting: recall (TPR) and false-positive rate do not depend
 * on how many positives a sample has, so precision at prevalence π is π·TPR / (π·TPR + (1−π)·FPR).
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** The operating point chosen for a recall target. */
    public record OperatingPoint(double threshold, double recall, double falsePositiveRate, double precision) {
    }

    /** Probability that a random positive scores above a random negative (ties count half). */
    public static double rocAuc(double[] scores, boolean[] positive) {
        Integer[] order = order(scores);
        long pos = 0;
        long neg = 0;
        for (boolean p : positive) {
            if (p) {
                pos++;
            } else {
                neg++;
            }
        }
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("ROC-AUC needs both positive and negative examples");
        }
        // ascending ranks with ties averaged (Mann-Whitney U)
        double rankSumPositive = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPositive += averageRank;
                }
            }
            i = j + 1;
        }
        return (rankSumPositive - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * The highest threshold whose recall reaches {@code targetRecall} ("score ≥ threshold" flags), and the
     * precision there at {@code prevalence}.
     */
    public static OperatingPoint atRecall(double[] scores, boolean[] positive, double targetRecall, double prevalence) {
        Integer[] order = order(scores);
        int pos = 0;
        int neg = 0;
        for (boolean p : positive) {
            if (p) {
                pos++;
            } else {
                neg++;
            }
        }
        int tp = 0;
        int fp = 0;
        for (int k = order.length - 1; k >= 0; k--) {
            int idx = order[k];
            if (positive[idx]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = k == 0 || scores[order[k - 1]] != scores[idx];
            double recall = (double) tp / pos;
            if (lastOfTie && recall >= targetRecall) {
                double fpr = neg == 0 ? 0 : (double) fp / neg;
                double precision = prevalence * recall / (prevalence * recall + (1 - prevalence) * fpr);
                return new OperatingPoint(scores[idx], recall, fpr, precision);
            }
        }
        throw new IllegalArgumentException("no positives");
    }

    private static Integer[] order(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}
