/**
 * Constraining transforms: smooth bijections from the real line onto constrained ranges, with
 * the log-Jacobian terms a model adds to its log density when it samples the unconstrained
 * coordinate. {@link dev.meads.models.transform.LowerBoundTransform} (log, for positive
 * parameters) and {@link dev.meads.models.transform.IntervalTransform} (logit, for bounded ones).
 */
package dev.meads.models.transform;
