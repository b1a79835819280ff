package dev.meads.engine.meads;

/**
 * One escaped chain found during MEADS warmup and what was done about it.
 *
 * @param iteration   0-based warmup iteration at which it was found
 * @param chain       the chain
 * @param reason      why it counts as escaped
 * @param detail      the measured value behind the reason (robust distance, divergence count)
 * @param coordinate  the coordinate that was furthest out (extreme positions), else -1
 * @param donor       the chain whose state it was restarted from, or -1 if it was only reported
 */
public record EscapeEvent(int iteration, int chain, Reason reason, double detail, int coordinate, int donor) {

    /** Why a chain was judged to have escaped. */
    public enum Reason {
        /** A coordinate far outside the ensemble (robust standard deviations from the median). */
        EXTREME_POSITION,
        /** Its log density far below the ensemble's (robust standard deviations under the median). */
        LOW_LOG_DENSITY,
        /** Too many divergent transitions among its recent ones. */
        REPEATED_DIVERGENCES,
        /** Its log density or gradient is not finite. */
        NON_FINITE_STATE
    }

    @Override
    public String toString() {
        String what = switch (reason) {
            case EXTREME_POSITION -> String.format("coordinate %d is %.3g robust sd from the ensemble median",
                    coordinate + 1, detail);
            case LOW_LOG_DENSITY -> String.format("log density %.3g robust sd below the ensemble median", detail);
            case REPEATED_DIVERGENCES -> String.format("%d divergences in its last %d transitions", (int) detail,
                    EscapeGuard.WINDOW);
            case NON_FINITE_STATE -> "a non-finite log density or gradient";
        };
        return "iteration " + iteration + ": chain " + (chain + 1) + " escaped (" + what + ")"
                + (donor >= 0 ? "; restarted from chain " + (donor + 1) : "");
    }
}
