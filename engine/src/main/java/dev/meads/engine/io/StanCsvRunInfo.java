package dev.meads.engine.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the configuration comments of one chain's Stan CSV file say: model, chain id, seed,
 * iteration counts, sampler description, and any further {@code key = value} pairs.
 *
 * @param model      model name, e.g. {@code radon}
 * @param chainId    CmdStan's {@code id}, 1-based
 * @param seed       the run's seed
 * @param numSamples post-warmup iterations (before thinning), CmdStan's {@code num_samples}
 * @param numWarmup  warmup iterations, CmdStan's {@code num_warmup}
 * @param thin       thinning period, CmdStan's {@code thin}
 * @param algorithm  CmdStan's {@code algorithm}, e.g. {@code hmc}
 * @param engine     CmdStan's {@code engine}, e.g. {@code ghmc} or {@code nuts}
 * @param metric     CmdStan's {@code metric}, e.g. {@code diag_e}
 * @param extra      further comment lines, written in order as {@code # key = value}
 */
public record StanCsvRunInfo(String model, int chainId, long seed, int numSamples, int numWarmup, int thin,
                             String algorithm, String engine, String metric, Map<String, String> extra) {

    public StanCsvRunInfo {
        requireToken(model, "model");
        requireToken(algorithm, "algorithm");
        requireToken(engine, "engine");
        requireToken(metric, "metric");
        if (chainId < 1) {
            throw new IllegalArgumentException("chain id must be >= 1 (CmdStan ids are 1-based), got " + chainId);
        }
        if (numSamples < 0 || numWarmup < 0 || thin < 1) {
            throw new IllegalArgumentException("need numSamples >= 0, numWarmup >= 0, thin >= 1, got "
                    + numSamples + ", " + numWarmup + ", " + thin);
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String key = e.getKey();
            requireToken(key, "extra key");
            if (key.indexOf('=') >= 0) {
                throw new IllegalArgumentException("extra key '" + key + "' contains '='");
            }
            requireToken(e.getValue(), "value of extra key '" + key + "'");
            copy.put(key, e.getValue());
        }
        extra = Collections.unmodifiableMap(copy);
    }

    /**
     * Run information with CmdStan's defaults for the rest: thin 1, algorithm {@code hmc},
     * engine {@code ghmc}, metric {@code diag_e}, no extra lines.
     */
    public static StanCsvRunInfo of(String model, int chainId, long seed, int numSamples, int numWarmup) {
        return new StanCsvRunInfo(model, chainId, seed, numSamples, numWarmup, 1, "hmc", "ghmc", "diag_e", Map.of());
    }

    /** The same information for another chain. */
    public StanCsvRunInfo withChainId(int id) {
        return new StanCsvRunInfo(model, id, seed, numSamples, numWarmup, thin, algorithm, engine, metric, extra);
    }

    /** The same information with another sampler engine name. */
    public StanCsvRunInfo withEngine(String newEngine) {
        return new StanCsvRunInfo(model, chainId, seed, numSamples, numWarmup, thin, algorithm, newEngine, metric,
                extra);
    }

    /** The same information with another thinning period. */
    public StanCsvRunInfo withThin(int newThin) {
        return new StanCsvRunInfo(model, chainId, seed, numSamples, numWarmup, newThin, algorithm, engine, metric,
                extra);
    }

    /** The same information plus one extra {@code # key = value} line (replacing an earlier value). */
    public StanCsvRunInfo withExtra(String key, String value) {
        LinkedHashMap<String, String> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new StanCsvRunInfo(model, chainId, seed, numSamples, numWarmup, thin, algorithm, engine, metric, more);
    }

    /** Rows this chain's file holds when complete: {@code ceil(numSamples / thin)}. */
    public int expectedRows() {
        return (int) (((long) numSamples + thin - 1) / thin);
    }

    private static void requireToken(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be one line, got '" + s + "'");
        }
    }
}
