package dev.meads.models.irt;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The IRT kernels' second pass, shared by {@link Irt2plBlockKernel} and {@link Irt2plChainKernel}:
 * for consecutive vectors of {@code e = exp(-|s|)}, {@code 2/(1+e)} and the product of the factors
 * {@code 1+e}. Eight vectors share each division ({@code 1/x1 = (x2 ... x8)/(x1 ... x8)}, the
 * partial products formed as a tree and reused on the way back): a 512-bit division keeps the
 * divider busy for as long as about thirty fused multiply-adds take, so one per response, or
 * even one per four (the previous form, 3.6 µs per chain against 3.4), bounds the kernels. Each
 * {@code 2/(1+e)} is within 3 ulp of the correctly rounded value (the tests assert 4). The
 * products are those divisions' divisors, and their logs replace one {@code log1p} per response.
 * Fewer than eight vectors left over share by four, then one by one.
 */
final class SharedDivision {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SharedDivision() {
    }

    /**
     * For vectors {@code v} in {@code [from, to)} of {@code e} (vector {@code v} at {@code [v*L]}):
     * {@code 2/(1+e)} into {@code twiceInverse} at the same places, and the lane-wise product of
     * their {@code 1+e} into {@code products[productAt ..]}.
     */
    static void twiceInversesAndProduct(double[] e, int from, int to, double[] twiceInverse, double[] products,
                                        int productAt) {
        DoubleVector product = DoubleVector.broadcast(S, 1.0);
        int v = from;
        for (; v + 7 < to; v += 8) {
            int at = v * L;
            DoubleVector p1 = DoubleVector.fromArray(S, e, at).add(1.0);
            DoubleVector p2 = DoubleVector.fromArray(S, e, at + L).add(1.0);
            DoubleVector p3 = DoubleVector.fromArray(S, e, at + 2 * L).add(1.0);
            DoubleVector p4 = DoubleVector.fromArray(S, e, at + 3 * L).add(1.0);
            DoubleVector p5 = DoubleVector.fromArray(S, e, at + 4 * L).add(1.0);
            DoubleVector p6 = DoubleVector.fromArray(S, e, at + 5 * L).add(1.0);
            DoubleVector p7 = DoubleVector.fromArray(S, e, at + 6 * L).add(1.0);
            DoubleVector p8 = DoubleVector.fromArray(S, e, at + 7 * L).add(1.0);
            DoubleVector p12 = p1.mul(p2);
            DoubleVector p34 = p3.mul(p4);
            DoubleVector p56 = p5.mul(p6);
            DoubleVector p78 = p7.mul(p8);
            DoubleVector p1234 = p12.mul(p34);
            DoubleVector p5678 = p56.mul(p78);
            DoubleVector p18 = p1234.mul(p5678);
            DoubleVector q = p1.broadcast(2.0).div(p18); // 2 / (p1 ... p8)
            DoubleVector q1234 = q.mul(p5678);
            DoubleVector q5678 = q.mul(p1234);
            DoubleVector q12 = q1234.mul(p34);
            DoubleVector q34 = q1234.mul(p12);
            DoubleVector q56 = q5678.mul(p78);
            DoubleVector q78 = q5678.mul(p56);
            q12.mul(p2).intoArray(twiceInverse, at);
            q12.mul(p1).intoArray(twiceInverse, at + L);
            q34.mul(p4).intoArray(twiceInverse, at + 2 * L);
            q34.mul(p3).intoArray(twiceInverse, at + 3 * L);
            q56.mul(p6).intoArray(twiceInverse, at + 4 * L);
            q56.mul(p5).intoArray(twiceInverse, at + 5 * L);
            q78.mul(p8).intoArray(twiceInverse, at + 6 * L);
            q78.mul(p7).intoArray(twiceInverse, at + 7 * L);
            product = product.mul(p18);
        }
        for (; v + 3 < to; v += 4) {
            int at = v * L;
            DoubleVector p1 = DoubleVector.fromArray(S, e, at).add(1.0);
            DoubleVector p2 = DoubleVector.fromArray(S, e, at + L).add(1.0);
            DoubleVector p3 = DoubleVector.fromArray(S, e, at + 2 * L).add(1.0);
            DoubleVector p4 = DoubleVector.fromArray(S, e, at + 3 * L).add(1.0);
            DoubleVector p12 = p1.mul(p2);
            DoubleVector p34 = p3.mul(p4);
            DoubleVector p1234 = p12.mul(p34);
            DoubleVector q = p1.broadcast(2.0).div(p1234); // 2 / (p1 p2 p3 p4)
            DoubleVector q12 = q.mul(p34);
            DoubleVector q34 = q.mul(p12);
            q12.mul(p2).intoArray(twiceInverse, at);
            q12.mul(p1).intoArray(twiceInverse, at + L);
            q34.mul(p4).intoArray(twiceInverse, at + 2 * L);
            q34.mul(p3).intoArray(twiceInverse, at + 3 * L);
            product = product.mul(p1234);
        }
        for (; v < to; v++) {
            DoubleVector p1 = DoubleVector.fromArray(S, e, v * L).add(1.0);
            p1.broadcast(2.0).div(p1).intoArray(twiceInverse, v * L);
            product = product.mul(p1);
        }
        product.intoArray(products, productAt);
    }
}
