package dev.meads.models.irt;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The IRT kernels' second pass, shared by {@link Irt2plBlockKernel} and {@link Irt2plChainKernel}:
 * for consecutive vectors of {@code e = exp(-|s|)}, {@code 2/(1+e)} and the product of the factors
 * {@code 1+e}. Four vectors share each division ({@code 1/x = (y z v)/(x y z v)}): a 512-bit
 * division keeps the divider busy for as long as about thirty fused multiply-adds take, so one per
 * response would bound the kernels. The products are those divisions' divisors, and their logs
 * replace one {@code log1p} per response.
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
