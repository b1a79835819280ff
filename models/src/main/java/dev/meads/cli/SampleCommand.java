package dev.meads.cli;

import java.util.Locale;

/** {@code meads sample --model irt|radon --data FILE}: the notebook's pipeline on a user's data. */
final class SampleCommand implements CliCommand {
    static final String NAME = "sample";

    @Override
    public CommandSpec spec() {
        return CommonOptions.addTo(new CommandSpec("meads sample",
                        "Samples a model on your own data file with the notebook's settings (override any of them).",
                        "IRT data: a 0/1 matrix (rows = students, no header) or long format with header person,item,y "
                                + "(or item,person,y).",
                        "Radon data: a header naming county (or county_idx), floor (or floor_measure) and log_radon.")
                .required("--model", "MODEL", "irt, irt-hier (posteriordb's hierarchical 2PL) or radon")
                .required("--data", "FILE", "CSV data file")
                .option("--index-base", "auto|0|1", "whether indices in the file start at 0 or 1 (default auto: "
                        + "0-based if the smallest index is 0)")
                .repeatable("--prior", "NAME=PRIOR", "radon priors, in quotes for the shell, e.g. "
                        + "'sigma_y=half-normal(1)', 'mu_alpha=normal(0,10)'")
                .option("--parameterisation", "centred|noncentred", "radon parameterisation")
                .option("--chains", "N", "chains (default 64)")
                .option("--draws", "N", "draws per chain (default 1000)")
                .option("--warmup", "N", "MEADS warmup iterations (default 1000)")
                .option("--folds", "K", "MEADS folds (default 4)")
                .option("--init", "spread|naive", "initialisation (default spread)"));
    }

    @Override
    public int run(ParsedArgs a) {
        String model = a.value("--model");
        String m = model.toLowerCase(Locale.ROOT);
        if (!m.equals("irt") && !m.equals("radon") && !m.equals("irt-hier")) {
            throw new SettingsException("--model: '" + model + "': expected irt, irt-hier or radon");
        }
        // the notebook's settings, as defaults: errors must not point at lines the user never saw
        Settings s = Profiles.builtIn(m.equals("radon") ? "radon" : "irt").name("sample-" + m).asDefaults();
        s.reset(Setting.SUMMARY); // the model's own default, which fits the user's data
        s.set(Setting.MODEL, m, "--model");
        s.set(Setting.DATA, a.value("--data"), "--data");
        put(s, Setting.DATA_INDEX_BASE, a.value("--index-base"), "--index-base");
        put(s, Setting.RADON_PARAMETERISATION, a.value("--parameterisation"), "--parameterisation");
        put(s, Setting.CHAINS, a.integer("--chains"), "--chains");
        put(s, Setting.DRAWS, a.integer("--draws"), "--draws");
        put(s, Setting.MEADS_WARMUP, a.integer("--warmup"), "--warmup");
        put(s, Setting.MEADS_FOLDS, a.integer("--folds"), "--folds");
        put(s, Setting.INIT, a.value("--init"), "--init");
        for (String p : a.values("--prior")) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException("--prior " + p + ": expected NAME=PRIOR, e.g. --prior "
                        + "'sigma_y=half-normal(1)'");
            }
            if (!m.equals("radon")) {
                throw new SettingsException("--prior " + p + ": the IRT models' priors are fixed; --prior applies "
                        + "to the radon model");
            }
            s.set("prior." + p.substring(0, eq).strip(), p.substring(eq + 1).strip(), "--prior " + p);
        }
        CommonOptions.applyTo(a, s);
        return new Runner(System.out, System.err).run(s, CommonOptions.quiet(a));
    }

    private static void put(Settings s, Setting key, Object value, String where) {
        if (value != null) {
            s.set(key, value.toString(), where);
        }
    }
}
