package dev.meads.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code meads sample --model irt|radon --data FILE}: the notebook's pipeline on a user's data. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Samples a model on your own data file with the notebook's settings (override any of them).",
                "IRT data: a 0/1 matrix (rows = students, no header) or long format with header person,item,y "
                        + "(or item,person,y).",
                "Radon data: a header naming county (or county_idx), floor (or floor_measure) and log_radon."})
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "irt, irt-hier (posteriordb's "
            + "hierarchical 2PL) or radon")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV data file")
    String data;

    @Option(names = "--index-base", paramLabel = "auto|0|1", description = "whether indices in the file start at 0 or "
            + "1 (default auto: 0-based if the smallest index is 0)")
    String indexBase;

    @Option(names = "--prior", paramLabel = "NAME=PRIOR", description = "radon priors, e.g. sigma_y=half-normal(1), "
            + "mu_alpha=normal(0,10) (repeatable)")
    List<String> priors = new ArrayList<>();

    @Option(names = "--parameterisation", paramLabel = "centred|noncentred", description = "radon parameterisation")
    String parameterisation;

    @Option(names = "--chains", paramLabel = "N", description = "chains (default 64)")
    Integer chains;

    @Option(names = "--draws", paramLabel = "N", description = "draws per chain (default 1000)")
    Integer draws;

    @Option(names = "--warmup", paramLabel = "N", description = "MEADS warmup iterations (default 1000)")
    Integer warmup;

    @Option(names = "--folds", paramLabel = "K", description = "MEADS folds (default 4)")
    Integer folds;

    @Option(names = "--init", paramLabel = "spread|naive", description = "initialisation (default spread)")
    String init;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        String m = model.toLowerCase(Locale.ROOT);
        if (!m.equals("irt") && !m.equals("radon") && !m.equals("irt-hier")) {
            throw new SettingsException("--model: '" + model + "': expected irt, irt-hier or radon");
        }
        Settings s = Profiles.builtIn(m.equals("radon") ? "radon" : "irt").name("sample-" + m);
        s.set(Setting.MODEL, m, "--model");
        s.set(Setting.DATA, data, "--data");
        put(s, Setting.DATA_INDEX_BASE, indexBase, "--index-base");
        put(s, Setting.RADON_PARAMETERISATION, parameterisation, "--parameterisation");
        put(s, Setting.CHAINS, chains, "--chains");
        put(s, Setting.DRAWS, draws, "--draws");
        put(s, Setting.MEADS_WARMUP, warmup, "--warmup");
        put(s, Setting.MEADS_FOLDS, folds, "--folds");
        put(s, Setting.INIT, init, "--init");
        s.set(Setting.SUMMARY, "", "default");
        for (String p : priors) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException("--prior " + p + ": expected NAME=PRIOR, e.g. sigma_y=half-normal(1)");
            }
            if (!m.equals("radon")) {
                throw new SettingsException("--prior " + p + ": the IRT models' priors are fixed; --prior applies "
                        + "to the radon model");
            }
            s.set("prior." + p.substring(0, eq).strip(), p.substring(eq + 1).strip(), "--prior " + p);
        }
        common.applyTo(s);
        return new Runner(System.out, System.err).run(s, common.quiet);
    }

    private static void put(Settings s, Setting key, Object value, String where) {
        if (value != null) {
            s.set(key, value.toString(), where);
        }
    }
}
