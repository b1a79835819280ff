package dev.meads.engine.draws;

/** Stan's per-draw sampler columns, in the order CmdStan writes them. */
public enum SamplerColumn {
    LP("lp__"),
    ACCEPT_STAT("accept_stat__"),
    STEPSIZE("stepsize__"),
    TREEDEPTH("treedepth__"),
    N_LEAPFROG("n_leapfrog__"),
    DIVERGENT("divergent__"),
    ENERGY("energy__");

    public static final int COUNT = values().length;

    private final String stanName;

    SamplerColumn(String stanName) {
        this.stanName = stanName;
    }

    /** The column header in Stan CSV files, e.g. {@code lp__}. */
    public String stanName() {
        return stanName;
    }

    /** The column called {@code stanName}, or null. */
    public static SamplerColumn ofStanName(String stanName) {
        for (SamplerColumn c : values()) {
            if (c.stanName.equals(stanName)) {
                return c;
            }
        }
        return null;
    }
}
