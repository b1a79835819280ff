package dev.meads.cli;

import dev.meads.engine.model.LogDensity;
import dev.meads.models.data.Datasets;
import dev.meads.models.data.IndexBase;
import dev.meads.models.data.IrtCsvLoader;
import dev.meads.models.data.RadonCsvLoader;
import dev.meads.models.irt.Irt2plModel;
import dev.meads.models.irt.IrtData;
import dev.meads.models.irthier.HierarchicalIrt2pl;
import dev.meads.models.irthier.NonCentredHierarchicalIrt2pl;
import dev.meads.models.radon.RadonData;
import dev.meads.models.radon.RadonModel;
import dev.meads.models.radon.RadonParameterization;
import dev.meads.models.radon.RadonPriors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The model a run samples, built from its settings: data (a shipped dataset or a user file),
 * priors and parameterisation, plus what the command prints about it and records in the report.
 *
 * @param density         the log density
 * @param description     one line about the data, e.g. "100 students x 30 items, mean response 0.634"
 * @param metadata        facts for the report
 * @param defaultSummary  parameters shown by default in the terminal summary
 * @param forestGroup     vector parameter for the forest plot, or null
 * @param forestReference its reference line, or null
 */
record ModelSetup(LogDensity density, String description, Map<String, String> metadata, String defaultSummary,
                  String forestGroup, String forestReference) {

    static final String BUILTIN = "builtin:";

    static ModelSetup from(Settings s) {
        String model = s.choice(Setting.MODEL, "irt", "radon", "irt-hier");
        String data = s.string(Setting.DATA).strip();
        IndexBase base = switch (s.choice(Setting.DATA_INDEX_BASE, "auto", "0", "1")) {
            case "0" -> IndexBase.ZERO;
            case "1" -> IndexBase.ONE;
            default -> IndexBase.AUTO;
        };
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", model);
        return switch (model) {
            case "irt" -> irt(s, data, base, meta);
            case "radon" -> radon(s, data, base, meta);
            default -> hierarchicalIrt(s, data, base, meta);
        };
    }

    private static ModelSetup irt(Settings s, String data, IndexBase base, Map<String, String> meta) {
        String source = data.isEmpty() ? BUILTIN + "notebook-irt" : data;
        IrtData d = irtData(s, source, base);
        String description = describe(d);
        meta.put("data", source);
        meta.put("data_description", description);
        meta.put("description", "2PL item response: theta ~ N(0,1), b ~ N(0,1), a ~ half-normal(1) (sampled as log a)");
        Irt2plModel.EnsembleKernel kernel = s.choice(Setting.IRT_ENSEMBLE_KERNEL, "block", "chain").equals("chain")
                ? Irt2plModel.EnsembleKernel.CHAIN : Irt2plModel.EnsembleKernel.BLOCK;
        meta.put("ensemble_kernel", kernel.name().toLowerCase(Locale.ROOT));
        return new ModelSetup(new Irt2plModel(d, kernel), description, meta, "theta[1:5],b[1:5],a[1:5]", null, null);
    }

    /** posteriordb's hierarchical 2PL (irt_2pl): hyperpriors on the scales of theta, a and b. */
    private static ModelSetup hierarchicalIrt(Settings s, String data, IndexBase base, Map<String, String> meta) {
        String source = data.isEmpty() ? BUILTIN + "posteriordb-irt2pl" : data;
        IrtData d = irtData(s, source, base);
        String description = describe(d);
        meta.put("data", source);
        meta.put("data_description", description);
        meta.put("description", "hierarchical 2PL (posteriordb irt_2pl): theta ~ N(0, sigma_theta), "
                + "a ~ lognormal(0, sigma_a), b ~ N(mu_b, sigma_b), half-Cauchy(0, 2) scales, mu_b ~ N(0, 5)");
        String parameterisation = s.choice(Setting.IRT_HIER_PARAMETERISATION, "centred", "noncentred", "centered",
                "noncentered");
        boolean nonCentred = parameterisation.startsWith("non");
        meta.put("parameterisation", nonCentred ? "noncentred" : "centred");
        LogDensity model = nonCentred ? new NonCentredHierarchicalIrt2pl(d) : new HierarchicalIrt2pl(d);
        return new ModelSetup(model, description, meta,
                "sigma_theta,sigma_a,mu_b,sigma_b,a[1:3],b[1:3]", null, null);
    }

    private static String describe(IrtData d) {
        return String.format(Locale.ROOT, "%d students x %d items, mean response %.3f", d.students(), d.items(),
                d.meanResponse());
    }

    private static IrtData irtData(Settings s, String source, IndexBase base) {
        IrtData d;
        if (source.startsWith(BUILTIN)) {
            d = switch (source.substring(BUILTIN.length())) {
                case "notebook-irt" -> Datasets.notebookIrt();
                case "posteriordb-irt2pl" -> Datasets.posteriordbIrt2pl();
                default -> throw s.invalid(Setting.DATA, "no such IRT dataset; built-in IRT datasets: "
                        + "builtin:notebook-irt, builtin:posteriordb-irt2pl");
            };
        } else {
            d = IrtCsvLoader.load(existing(s, source), base);
        }
        return d;
    }

    private static ModelSetup radon(Settings s, String data, IndexBase base, Map<String, String> meta) {
        String source = data.isEmpty() ? BUILTIN + "notebook-radon" : data;
        RadonData d;
        if (source.startsWith(BUILTIN)) {
            d = switch (source.substring(BUILTIN.length())) {
                case "notebook-radon" -> Datasets.notebookRadon();
                case "minnesota-radon" -> Datasets.minnesotaRadon();
                default -> throw s.invalid(Setting.DATA, "no such radon dataset; built-in radon datasets: "
                        + "builtin:notebook-radon, builtin:minnesota-radon");
            };
        } else {
            d = RadonCsvLoader.load(existing(s, source), base);
        }
        RadonPriors priors;
        try {
            priors = new RadonPriors(prior(s, Setting.PRIOR_MU_ALPHA), scale(s, Setting.PRIOR_SIGMA_ALPHA),
                    prior(s, Setting.PRIOR_BETA), scale(s, Setting.PRIOR_SIGMA_Y));
        } catch (IllegalArgumentException e) {
            throw priorError(s, e);
        }
        String parameterisation = s.choice(Setting.RADON_PARAMETERISATION, "centred", "noncentred", "centered",
                "noncentered");
        RadonParameterization p = parameterisation.startsWith("non") ? RadonParameterization.NON_CENTRED
                : RadonParameterization.CENTRED;
        RadonModel model = new RadonModel(d, priors, p,
                SamplerSettings.scalarKernels(s) ? RadonModel.Evaluator.SCALAR : RadonModel.Evaluator.best());
        double floorShare = 0;
        for (double f : d.floor()) {
            floorShare += f / d.observations();
        }
        String description = String.format(Locale.ROOT, "%d observations in %d counties, mean floor %.3f",
                d.observations(), d.counties(), floorShare);
        meta.put("data", source);
        meta.put("data_description", description);
        meta.put("priors", priors.toString());
        meta.put("parameterisation", p.name().toLowerCase(Locale.ROOT));
        return new ModelSetup(model, description, meta, "mu_alpha,sigma_alpha,beta,sigma_y,alpha[1:5]", "alpha",
                "mu_alpha");
    }

    private static dev.meads.models.radon.ScalePrior scale(Settings s, Setting key) {
        return PriorSpec.scale(s.string(key), parameter(key));
    }

    private static dev.meads.models.radon.NormalPrior prior(Settings s, Setting key) {
        return PriorSpec.normal(s.string(key), parameter(key));
    }

    /** sigma_y for prior.sigma_y. */
    private static String parameter(Setting key) {
        return key.key().substring("prior.".length());
    }

    private static SettingsException priorError(Settings s, IllegalArgumentException e) {
        for (Setting key : new Setting[] {Setting.PRIOR_MU_ALPHA, Setting.PRIOR_SIGMA_ALPHA, Setting.PRIOR_BETA,
                Setting.PRIOR_SIGMA_Y}) {
            try {
                if (key == Setting.PRIOR_MU_ALPHA || key == Setting.PRIOR_BETA) {
                    prior(s, key);
                } else {
                    scale(s, key);
                }
            } catch (IllegalArgumentException bad) {
                return s.invalid(key, bad.getMessage());
            }
        }
        return new SettingsException(e.getMessage());
    }

    private static Path existing(Settings s, String file) {
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            throw s.invalid(Setting.DATA, "no such file");
        }
        if (!Files.isReadable(p) || Files.isDirectory(p)) {
            throw s.invalid(Setting.DATA, "not a readable file");
        }
        return p;
    }
}
