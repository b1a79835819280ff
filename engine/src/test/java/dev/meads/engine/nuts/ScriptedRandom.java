package dev.meads.engine.nuts;

import java.util.random.RandomGenerator;

/**
 * A random stream that replays given uniforms and normals, for deterministic trajectory tests.
 * Running out of either is an error, so the tests also pin down how many draws a transition uses.
 * With {@code repeatLast}, the last value repeats forever instead.
 */
final class ScriptedRandom implements RandomGenerator {
    private final double[] uniforms;
    private final double[] normals;
    private final boolean repeatLast;
    private int u;
    private int n;

    ScriptedRandom(double[] uniforms, double[] normals, boolean repeatLast) {
        this.uniforms = uniforms;
        this.normals = normals;
        this.repeatLast = repeatLast;
    }

    int uniformsUsed() {
        return u;
    }

    int normalsUsed() {
        return n;
    }

    @Override
    public double nextDouble() {
        if (u >= uniforms.length) {
            if (repeatLast && uniforms.length > 0) {
                u++;
                return uniforms[uniforms.length - 1];
            }
            throw new IllegalStateException("script ran out of uniforms after " + u);
        }
        return uniforms[u++];
    }

    @Override
    public double nextGaussian() {
        if (n >= normals.length) {
            if (repeatLast && normals.length > 0) {
                n++;
                return normals[normals.length - 1];
            }
            throw new IllegalStateException("script ran out of normals after " + n);
        }
        return normals[n++];
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextDouble and nextGaussian are scripted");
    }
}
