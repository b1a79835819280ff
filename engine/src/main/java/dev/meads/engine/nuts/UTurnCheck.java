package dev.meads.engine.nuts;

/** Which no-U-turn checks NUTS applies when two halves of a trajectory are merged (ALGORITHMS §4.1). */
public enum UTurnCheck {
    /**
     * Stan's current rule: the generalised criterion over the whole span, plus the two checks
     * across the seam (first half plus the first state of the second, last state of the first
     * half plus the second). The default.
     */
    FULL,
    /** The span check alone (Stan before 2.2x); builds longer trajectories. For comparison and tests. */
    SPAN_ONLY
}
