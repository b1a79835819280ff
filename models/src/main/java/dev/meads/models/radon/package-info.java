/**
 * The hierarchical radon model: varying county intercepts, a common floor slope, centred or
 * non-centred ({@link dev.meads.models.radon.RadonModel}, fast, O(counties) per evaluation;
 * {@link dev.meads.models.radon.RadonReferenceDensity}, the per-observation definition), its
 * data type and prior settings.
 */
package dev.meads.models.radon;
