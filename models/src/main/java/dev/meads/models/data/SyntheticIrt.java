package dev.meads.models.data;

import dev.meads.models.irt.IrtData;

/**
 * Simulated IRT responses with the parameter values that generated them.
 *
 * @param data the responses (students x items)
 * @param theta ability of each student
 * @param a discrimination of each item
 * @param b difficulty of each item
 */
public record SyntheticIrt(IrtData data, double[] theta, double[] a, double[] b) {
}
