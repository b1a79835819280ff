package dev.meads.engine.meads;

import java.util.random.RandomGenerator;

/**
 * Which chains form which fold: a permutation of chain indices, fold {@code k} being
 * {@code order[k*M .. (k+1)*M)}. Reshuffling permutes the index only; chain states never move,
 * so a chain keeps its identity (and its trace) across shuffles.
 */
final class FoldAssignment {
    private final int folds;
    private final int perFold;
    private final int[] order;
    private final int[] foldOfChain;

    FoldAssignment(int chains, int folds) {
        this.folds = folds;
        this.perFold = chains / folds;
        this.order = new int[chains];
        this.foldOfChain = new int[chains];
        for (int c = 0; c < chains; c++) {
            order[c] = c;
        }
        index();
    }

    /** A uniformly random re-assignment (Fisher–Yates) drawn from {@code random}. */
    void shuffle(RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        index();
    }

    private void index() {
        for (int i = 0; i < order.length; i++) {
            foldOfChain[order[i]] = i / perFold;
        }
    }

    int folds() {
        return folds;
    }

    int perFold() {
        return perFold;
    }

    /** The permutation itself; fold k's chains start at {@link #start(int)}. */
    int[] order() {
        return order;
    }

    int start(int fold) {
        return fold * perFold;
    }

    int foldOf(int chain) {
        return foldOfChain[chain];
    }
}
