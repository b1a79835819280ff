package dev.meads.models.irthier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stat_comp_benchmarks reference posterior of {@code irt_2pl} (means and sds from 1,000,000
 * Stan draws, 5 significant digits), read from this package's test resources.
 *
 * @param names names in file order
 * @param means reference posterior means
 * @param sds   reference posterior standard deviations
 * @param draws number of draws behind the reference
 */
record ReferenceSummary(String[] names, double[] means, double[] sds, long draws) {
    static final String RESOURCE = "/dev/meads/models/irthier/irt_2pl-irt_2pl.reference_summary.csv";

    static ReferenceSummary load() {
        try (InputStream in = ReferenceSummary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!header.startsWith("parameter,mean,sd,")) {
                throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            String[] names = new String[rows.size()];
            double[] means = new double[rows.size()];
            double[] sds = new double[rows.size()];
            long draws = Long.parseLong(rows.get(0)[6]);
            for (int r = 0; r < rows.size(); r++) {
                names[r] = rows.get(r)[0];
                means[r] = Double.parseDouble(rows.get(r)[1]);
                sds[r] = Double.parseDouble(rows.get(r)[2]);
            }
            return new ReferenceSummary(names, means, sds, draws);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
