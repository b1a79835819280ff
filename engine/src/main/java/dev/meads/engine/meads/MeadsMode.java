package dev.meads.engine.meads;

/**
 * What MEADS is used for (ALGORITHMS.md §3.5): a warmup whose parameters are then frozen for
 * plain GHMC (the notebook's and BlackJAX's use), or adaptive MCMC whose iterations after a
 * burn-in are themselves the draws (the paper's use; valid because each fold moves with
 * parameters taken from other folds, §3.4).
 */
public enum MeadsMode {
    /** MEADS warmup, then GHMC on every chain with parameters fixed from the ensemble. */
    TUNE_THEN_FREEZE("freeze", "tune then freeze: MEADS warmup, then GHMC with parameters pooled over all chains"),
    /** MEADS throughout; the iterations after the warmup (burn-in) are kept as draws. */
    ADAPTIVE("adaptive", "adaptive sampling: MEADS throughout, the iterations after the warmup kept as draws "
            + "(the frozen fold's chains repeat their state)");

    private final String key;
    private final String description;

    MeadsMode(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The mode's name in profiles and on the command line. */
    public String key() {
        return key;
    }

    /** One line saying what a run in this mode did, for reports. */
    public String description() {
        return description;
    }

    /** The mode named {@code key} ({@link #key()}), or null. */
    public static MeadsMode ofKey(String key) {
        for (MeadsMode m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
