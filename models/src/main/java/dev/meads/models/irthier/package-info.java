/**
 * posteriordb's hierarchical 2PL item-response model ({@code irt_2pl}), written as a user writes
 * a model: plain scalar Java with the public transforms, single-chain methods only.
 * {@link dev.meads.models.irthier.HierarchicalIrt2pl} is the Stan program's centred form;
 * {@link dev.meads.models.irthier.NonCentredHierarchicalIrt2pl} is the same posterior with
 * non-centred abilities, log discriminations and difficulties.
 */
package dev.meads.models.irthier;
