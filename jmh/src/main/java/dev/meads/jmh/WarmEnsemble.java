package dev.meads.jmh;

import dev.meads.engine.block.ChainBlock;
import dev.meads.engine.ghmc.GhmcEnsemble;
import dev.meads.engine.ghmc.GhmcParameters;
import dev.meads.engine.init.TrajectorySpread;
import dev.meads.engine.meads.MeadsAdaptation;
import dev.meads.engine.meads.MeadsOptions;
import dev.meads.engine.model.LogDensity;
import dev.meads.engine.nuts.NutsDraws;
import dev.meads.engine.nuts.NutsOptions;
import dev.meads.engine.nuts.NutsSampler;
import dev.meads.engine.parallel.WorkerPool;
import dev.meads.engine.rng.RandomStreams;
import java.util.random.RandomGenerator;

/**
 * An ensemble in the state the sampling phase sees: the pipeline's stages run by hand (NUTS
 * warmup and trajectory, spread, 1000 MEADS iterations), so that chains sit in the typical set
 * and the parameters are the frozen ones MEADS settled on. Benchmarks then time single stages
 * from here.
 */
final class WarmEnsemble implements AutoCloseable {
    static final int CHAINS = 64;
    static final long SEED = 1L;

    final LogDensity model;
    final ChainBlock block;
    final WorkerPool pool;
    final GhmcEnsemble ensemble;
    final MeadsAdaptation meads;
    final GhmcParameters frozen;
    final int[] allChains = new int[CHAINS];
    final GhmcParameters[] frozenForAll = new GhmcParameters[CHAINS];

    /** Builds the state on {@code threads} workers, running {@code meadsIterations} MEADS iterations. */
    WarmEnsemble(Workload workload, int threads, int meadsIterations) {
        this(workload, threads, meadsIterations, meadsIterations);
    }

    /**
     * As {@link #WarmEnsemble(Workload, int, int)}, with room for {@code meadsCapacity} MEADS
     * iterations in all, so that a benchmark can go on iterating.
     */
    WarmEnsemble(Workload workload, int threads, int meadsIterations, int meadsCapacity) {
        model = workload.model();
        int d = model.dimension();
        RandomGenerator[] chainRandom = new RandomGenerator[CHAINS];
        for (int c = 0; c < CHAINS; c++) {
            chainRandom[c] = RandomStreams.forChain(SEED, "chain", c);
        }
        double[] initial = new double[d];
        model.initialPoint(initial, 0);
        NutsSampler nuts = new NutsSampler(model, NutsOptions.defaults(), RandomStreams.forPurpose(SEED, "nuts"));
        nuts.warmup(initial, 500);
        NutsDraws trajectory = nuts.sample(workload.nutsDraws);
        block = new ChainBlock(CHAINS, d);
        new TrajectorySpread(20, 0.05).spread(trajectory.positions(), trajectory.size(), model, block,
                RandomStreams.forPurpose(SEED, "seed-pick"), chainRandom);
        for (int c = 0; c < CHAINS; c++) {
            for (int j = 0; j < d; j++) {
                block.momenta()[c * d + j] = chainRandom[c].nextGaussian();
            }
            block.slices()[c] = chainRandom[c].nextDouble(-1.0, 1.0);
        }
        pool = new WorkerPool(threads);
        ensemble = new GhmcEnsemble(model, block, chainRandom, pool, model.blockGranularity());
        meads = new MeadsAdaptation(ensemble, MeadsOptions.defaults().withIterations(Math.max(1, meadsCapacity)),
                RandomStreams.forPurpose(SEED, "fold-shuffle"), chainRandom);
        for (int t = 0; t < meadsIterations; t++) {
            meads.iterate();
        }
        frozen = meads.frozenParameters();
        for (int c = 0; c < CHAINS; c++) {
            allChains[c] = c;
            frozenForAll[c] = frozen;
        }
        piecesBefore = pool.piecesRun();
        piecesByOthersBefore = pool.piecesRunByOthers();
    }

    /** The pool's counts when the state was ready: {@link #close} reports the benchmark's share alone. */
    private final long piecesBefore;
    private final long piecesByOthersBefore;

    /** One sampling-phase transition of all 64 chains. */
    void step() {
        ensemble.step(allChains, frozenForAll, CHAINS);
    }

    /** Pieces the pool ran since the state was ready (the benchmark's), for {@link WorkerShare}. */
    long piecesSinceReady() {
        return pool.piecesRun() - piecesBefore;
    }

    /** Of {@link #piecesSinceReady()}, those the pool's other threads ran. */
    long piecesByOthersSinceReady() {
        return pool.piecesRunByOthers() - piecesByOthersBefore;
    }

    @Override
    public void close() {
        pool.close();
    }
}
