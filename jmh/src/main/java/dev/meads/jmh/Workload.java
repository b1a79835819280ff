package dev.meads.jmh;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.model.LogDensity;
import dev.meads.models.data.Datasets;
import dev.meads.models.irt.Irt2plModel;
import dev.meads.models.radon.RadonModel;

/**
 * The notebook's two workloads as the benchmarks use them: the IRT 2PL model on the notebook's
 * responses (d = 160) with NUTS 500 + 300, and the centred radon model with the notebook's
 * priors (d = 89) with NUTS 500 + 200; everything else at the defaults (64 chains, K = 4,
 * 1000 MEADS iterations, 1000 draws).
 */
public enum Workload {
    /** {@code new Irt2plModel(Datasets.notebookIrt())}. */
    IRT(300),
    /** {@code RadonModel.notebook(Datasets.notebookRadon())}. */
    RADON(200);

    /** NUTS draws after its 500 warmup iterations (the trajectory the ensemble is spread from). */
    final int nutsDraws;

    Workload(int nutsDraws) {
        this.nutsDraws = nutsDraws;
    }

    /** A fresh model instance. */
    LogDensity model() {
        return switch (this) {
            case IRT -> new Irt2plModel(Datasets.notebookIrt());
            case RADON -> RadonModel.notebook(Datasets.notebookRadon());
        };
    }

    /** A fresh IRT model whose ensemble gradients come from {@code kernel}. */
    static LogDensity irtModel(Irt2plModel.EnsembleKernel kernel) {
        return new Irt2plModel(Datasets.notebookIrt(), kernel);
    }

    /** A fresh model instance whose own gradient code is plain loops where it has them (radon). */
    LogDensity scalarModel() {
        return switch (this) {
            case IRT -> new Irt2plModel(Datasets.notebookIrt());
            case RADON -> new RadonModel(Datasets.notebookRadon(), dev.meads.models.radon.RadonPriors.notebook(),
                    dev.meads.models.radon.RadonParameterization.CENTRED, RadonModel.Evaluator.SCALAR);
        };
    }

    /** The notebook's pipeline for this model, as a user would call it. */
    MeadsSampler sampler(LogDensity model, int threads) {
        return MeadsSampler.forModel(model).nuts(500, nutsDraws).threads(threads);
    }
}
