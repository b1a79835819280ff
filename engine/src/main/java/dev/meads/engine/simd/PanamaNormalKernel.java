package dev.meads.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API twin of {@link ScalarNormalKernel}: one Box–Muller pair per lane, the 8 pairs of a
 * block in one 512-bit vector (or two 256-bit ones, ...). The words of a vector are
 * consecutive counters, so a lane's Weyl term is the vector's base plus the constant
 * {@code lane·γ}. Follows {@link BoxMuller} operation by operation: bit-identical to the scalar
 * twin.
 */
public final class PanamaNormalKernel implements NormalKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED.length() > BLOCK / 2
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> W = VectorSpecies.of(long.class, D.vectorShape());
    private static final int L = D.length();
    private static final int PAIRS = BLOCK / 2;
    /** {@code lane·γ}: added to a scalar counter base it gives each lane's Weyl term. */
    private static final LongVector LANE_GAMMA;

    static {
        long[] lane = new long[L];
        for (int l = 0; l < L; l++) {
            lane[l] = l * BoxMuller.GAMMA;
        }
        LANE_GAMMA = LongVector.fromArray(W, lane, 0);
    }

    @Override
    public void fill(long key, long firstBlock, int blocks, double[] out, int off) {
        for (int b = 0; b < blocks; b++) {
            // Weyl term of word w is key + (w+1)·γ
            long base = key + ((firstBlock + b) * BLOCK + 1) * BoxMuller.GAMMA;
            int o = off + b * BLOCK;
            for (int l = 0; l < PAIRS; l += L) {
                pairs(base + l * BoxMuller.GAMMA, base + (PAIRS + l) * BoxMuller.GAMMA, out, o + l, o + PAIRS + l);
            }
        }
    }

    /** L pairs: radius words from Weyl base {@code radiusBase}, angle words from {@code angleBase}. */
    private static void pairs(long radiusBase, long angleBase, double[] out, int cosOff, int sinOff) {
        LongVector rw = mix64(LANE_GAMMA.add(radiusBase));
        LongVector aw = mix64(LANE_GAMMA.add(angleBase));

        // u = (rw >>> 11 + 1)·2^-53 = 2^e·m
        DoubleVector u = ((DoubleVector) rw.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                .fma(BoxMuller.TWO_M53, BoxMuller.TWO_M53);
        LongVector ix = u.reinterpretAsLongs().sub(BoxMuller.SQRT_HALF_BITS);
        DoubleVector e = (DoubleVector) ix.lanewise(VectorOperators.ASHR, 52).convert(VectorOperators.L2D, 0);
        DoubleVector f = ix.and(BoxMuller.MANTISSA).add(BoxMuller.SQRT_HALF_BITS).reinterpretAsDoubles().sub(1.0);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        double[] c = BoxMuller.LOG;
        DoubleVector p = z.fma(c[8], c[7]);
        p = p.fma(z, DoubleVector.broadcast(D, c[6]));
        p = p.fma(z, DoubleVector.broadcast(D, c[5]));
        p = p.fma(z, DoubleVector.broadcast(D, c[4]));
        p = p.fma(z, DoubleVector.broadcast(D, c[3]));
        p = p.fma(z, DoubleVector.broadcast(D, c[2]));
        p = p.fma(z, DoubleVector.broadcast(D, c[1]));
        p = p.fma(z, DoubleVector.broadcast(D, c[0]));
        DoubleVector big = p.mul(z);
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector logM = f.sub(hfsq.sub(s.mul(hfsq.add(big))));
        DoubleVector x = e.fma(DoubleVector.broadcast(D, BoxMuller.LN2), logM).fma(-2.0, 0.0);
        DoubleVector radius = x.sqrt();

        // angle: φ ∈ [−π/4, π/4) from bits 0..50, then reflections by bits 61..63
        DoubleVector phi = ((DoubleVector) aw.and(BoxMuller.FRACTION_51).convert(VectorOperators.L2D, 0))
                .fma(BoxMuller.ANGLE_SCALE, -BoxMuller.QUARTER_PI);
        DoubleVector phi2 = phi.mul(phi);
        double[] sc = BoxMuller.SIN;
        DoubleVector ps = phi2.fma(sc[7], sc[6]);
        ps = ps.fma(phi2, DoubleVector.broadcast(D, sc[5]));
        ps = ps.fma(phi2, DoubleVector.broadcast(D, sc[4]));
        ps = ps.fma(phi2, DoubleVector.broadcast(D, sc[3]));
        ps = ps.fma(phi2, DoubleVector.broadcast(D, sc[2]));
        ps = ps.fma(phi2, DoubleVector.broadcast(D, sc[1]));
        ps = ps.fma(phi2, DoubleVector.broadcast(D, sc[0]));
        DoubleVector sin = phi.mul(phi2).fma(ps, phi);
        double[] cc = BoxMuller.COS;
        DoubleVector pc = phi2.fma(cc[8], cc[7]);
        pc = pc.fma(phi2, DoubleVector.broadcast(D, cc[6]));
        pc = pc.fma(phi2, DoubleVector.broadcast(D, cc[5]));
        pc = pc.fma(phi2, DoubleVector.broadcast(D, cc[4]));
        pc = pc.fma(phi2, DoubleVector.broadcast(D, cc[3]));
        pc = pc.fma(phi2, DoubleVector.broadcast(D, cc[2]));
        pc = pc.fma(phi2, DoubleVector.broadcast(D, cc[1]));
        pc = pc.fma(phi2, DoubleVector.broadcast(D, cc[0]));
        DoubleVector cos = phi2.fma(pc, one);

        VectorMask<Double> swap = aw.and(BoxMuller.SWAP).compare(VectorOperators.NE, 0L).cast(D);
        LongVector radiusBits = radius.reinterpretAsLongs();
        radiusBits.lanewise(VectorOperators.XOR, aw.and(BoxMuller.SIGN)).reinterpretAsDoubles()
                .mul(cos.blend(sin, swap)).intoArray(out, cosOff);
        radiusBits.lanewise(VectorOperators.XOR, aw.lanewise(VectorOperators.LSHL, 1).and(BoxMuller.SIGN))
                .reinterpretAsDoubles().mul(sin.blend(cos, swap)).intoArray(out, sinOff);
    }

    private static LongVector mix64(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(BoxMuller.MIX1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(BoxMuller.MIX2);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }
}
