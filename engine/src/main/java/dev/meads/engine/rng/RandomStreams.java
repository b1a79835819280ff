package dev.meads.engine.rng;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Independent, reproducible random streams derived from one user seed: one per chain and one
 * per named purpose (fold shuffles, seed picks, ...). A chain's draws then depend only on
 * (seed, chain index), never on which thread runs the chain.
 */
public final class RandomStreams {
    private static final RandomGeneratorFactory<RandomGenerator> LXM =
            RandomGeneratorFactory.of("L64X128MixRandom");

    private RandomStreams() {
    }

    /** The stream owned by chain {@code chain} for the stage {@code stage} of a run seeded with {@code seed}. */
    public static RandomGenerator forChain(long seed, String stage, int chain) {
        return LXM.create(mix(mix(seed ^ mix(stage.hashCode())) + 0x9E3779B97F4A7C15L * (chain + 1L)));
    }

    /** A stream for a named purpose, independent of every chain stream of the same seed. */
    public static RandomGenerator forPurpose(long seed, String purpose) {
        return LXM.create(mix(mix(seed) ^ mix(0x632BE59BD9B4E019L + purpose.hashCode())));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
