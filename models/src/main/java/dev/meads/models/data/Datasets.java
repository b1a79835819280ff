package dev.meads.models.data;

import dev.meads.models.irt.IrtData;
import dev.meads.models.radon.RadonData;

import java.io.InputStream;

/**
 * The datasets shipped with meads, read from the class path (resources under
 * {@code dev/meads/models/data/}, where a README gives their origin and licences).
 */
public final class Datasets {
    private static final String FOLDER = "dev/meads/models/data/";

    private Datasets() {
    }

    /** The notebook's synthetic radon data: 838 observations in 85 counties (numpy seed 20240602). */
    public static RadonData notebookRadon() {
        return RadonCsvLoader.load(open("notebook_radon.csv"), FOLDER + "notebook_radon.csv", IndexBase.ONE);
    }

    /** The notebook's synthetic IRT responses: 100 students x 30 items (numpy seed 20240601). */
    public static IrtData notebookIrt() {
        return IrtCsvLoader.load(open("notebook_irt_responses.csv"), FOLDER + "notebook_irt_responses.csv",
                IndexBase.AUTO);
    }

    /**
     * The Minnesota radon survey as in posteriordb {@code radon_mn}: 919 homes in 85 counties,
     * with county names (BSD 3-Clause, see the bundled licence file).
     */
    public static RadonData minnesotaRadon() {
        return RadonCsvLoader.load(open("radon_mn.csv"), FOLDER + "radon_mn.csv", IndexBase.ONE);
    }

    /**
     * posteriordb {@code irt_2pl} responses: 100 persons (students) x 20 items (BSD 3-Clause,
     * see the bundled licence file).
     */
    public static IrtData posteriordbIrt2pl() {
        return IrtCsvLoader.load(open("irt_2pl_responses.csv"), FOLDER + "irt_2pl_responses.csv", IndexBase.ONE);
    }

    private static InputStream open(String file) {
        InputStream in = Datasets.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new DataFileException(FOLDER + file, 0, "bundled dataset missing from the class path");
        }
        return in;
    }
}
