package dev.meads.engine.draws;

import java.util.Arrays;

/**
 * Retained draws of named scalar quantities from several chains: {@code chains × iterations ×
 * parameters} doubles in one flat array, laid out chain-major then iteration-major
 * ({@code value(c, i, p)} at {@code (c*iterations + i)*parameters + p}), so that one draw of
 * one chain is contiguous and rows can be appended while sampling.
 *
 * <p>Alongside the parameters it holds Stan's per-draw sampler columns ({@link SamplerColumn})
 * in the same chain-major order.
 *
 * <p>The accessors are on hot paths (the summary reads every value) and check only the flat
 * array's bounds: an iteration or parameter index past its own range reads a neighbouring
 * value rather than failing.
 */
public final class Draws {
    private final String[] names;
    private final int chains;
    private final int iterations;
    private final int parameters;
    private final double[] values;
    private final double[] sampler;

    public Draws(String[] names, int chains, int iterations) {
        if (chains < 1 || iterations < 0) {
            throw new IllegalArgumentException("need chains >= 1 and iterations >= 0, got " + chains + ", " + iterations);
        }
        this.names = names.clone();
        this.chains = chains;
        this.iterations = iterations;
        this.parameters = names.length;
        long size = (long) chains * iterations * parameters;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many draws for one array: " + size);
        }
        this.values = new double[(int) size];
        this.sampler = new double[chains * iterations * SamplerColumn.COUNT];
    }

    public String[] names() {
        return names.clone();
    }

    public String name(int p) {
        return names[p];
    }

    public int chains() {
        return chains;
    }

    public int iterations() {
        return iterations;
    }

    public int parameters() {
        return parameters;
    }

    /** Index of the parameter called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int p = 0; p < parameters; p++) {
            if (names[p].equals(name)) {
                return p;
            }
        }
        return -1;
    }

    public double value(int chain, int iteration, int parameter) {
        return values[(chain * iterations + iteration) * parameters + parameter];
    }

    public void setValue(int chain, int iteration, int parameter, double v) {
        values[(chain * iterations + iteration) * parameters + parameter] = v;
    }

    /** Copies one draw (all parameters) of a chain from {@code src[off ..]}. */
    public void setDraw(int chain, int iteration, double[] src, int off) {
        System.arraycopy(src, off, values, (chain * iterations + iteration) * parameters, parameters);
    }

    /** Copies one draw of a chain into {@code dst[off ..]}. */
    public void draw(int chain, int iteration, double[] dst, int off) {
        System.arraycopy(values, (chain * iterations + iteration) * parameters, dst, off, parameters);
    }

    /**
     * The draws of parameter {@code p}, chain-major ({@code out[c*iterations + i]}), into
     * {@code out} (allocated when null or too short); returns the array written.
     */
    public double[] parameter(int p, double[] out) {
        int n = chains * iterations;
        if (out == null || out.length < n) {
            out = new double[n];
        }
        for (int k = 0, idx = p; k < n; k++, idx += parameters) {
            out[k] = values[idx];
        }
        return out;
    }

    public double sampler(int chain, int iteration, SamplerColumn column) {
        return sampler[(chain * iterations + iteration) * SamplerColumn.COUNT + column.ordinal()];
    }

    public void setSampler(int chain, int iteration, SamplerColumn column, double v) {
        sampler[(chain * iterations + iteration) * SamplerColumn.COUNT + column.ordinal()] = v;
    }

    /** Column {@code column} of every draw, chain-major, as a new array. */
    public double[] samplerColumn(SamplerColumn column) {
        int n = chains * iterations;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = sampler[k * SamplerColumn.COUNT + column.ordinal()];
        }
        return out;
    }

    /** A copy holding only the first {@code keep} iterations of every chain (e.g. after an interrupted run). */
    public Draws truncate(int keep) {
        if (keep < 0 || keep > iterations) {
            throw new IllegalArgumentException("keep must be in [0, " + iterations + "], got " + keep);
        }
        Draws out = new Draws(names, chains, keep);
        for (int c = 0; c < chains; c++) {
            System.arraycopy(values, c * iterations * parameters, out.values, c * keep * parameters, keep * parameters);
            System.arraycopy(sampler, c * iterations * SamplerColumn.COUNT, out.sampler,
                    c * keep * SamplerColumn.COUNT, keep * SamplerColumn.COUNT);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Draws[" + chains + " chains x " + iterations + " iterations x " + parameters + " parameters: "
                + Arrays.toString(Arrays.copyOf(names, Math.min(4, parameters))) + (parameters > 4 ? "...]" : "]");
    }
}
