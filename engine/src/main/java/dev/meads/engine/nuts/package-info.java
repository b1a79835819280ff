/**
 * NUTS for one chain, with Stan's window adaptation (ALGORITHMS §4–5).
 *
 * <p>Entry point: {@link dev.meads.engine.nuts.NutsSampler}. A typical use, as in the
 * trajectory-spread initialisation of an ensemble:
 * <pre>{@code
 * NutsSampler chain = new NutsSampler(model, NutsOptions.defaults(), RandomStreams.forPurpose(seed, "nuts-init"));
 * WarmupResult warm = chain.warmup(x0, 500, progress, cancelled);   // x0: the model's initial point
 * NutsDraws draws = chain.sample(200, progress, cancelled);
 * double[] seeds = draws.positions(draws.size() - nSeed, draws.size());   // nSeed × d, row-major
 * }</pre>
 *
 * <p>Pieces: {@link dev.meads.engine.nuts.NutsKernel} (one transition: multinomial sampling,
 * generalised U-turn checks, divergences), {@link dev.meads.engine.nuts.InverseMetric} with
 * diagonal and dense implementations, {@link dev.meads.engine.nuts.WindowAdaptation} (per
 * iteration: {@link dev.meads.engine.nuts.DualAveraging}, {@link dev.meads.engine.nuts.WindowSchedule},
 * a {@link dev.meads.engine.nuts.MetricEstimator}, and Stan's step-size search). Positions are
 * unconstrained; all randomness comes from the one {@link java.util.random.RandomGenerator} given
 * to the sampler.
 */
package dev.meads.engine.nuts;
