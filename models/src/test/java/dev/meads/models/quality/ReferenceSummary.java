package dev.meads.models.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A reference posterior summary (rstan::monitor columns) read from the test resources. */
record ReferenceSummary(Map<String, Row> rows) {
    record Row(String name, double mean, double sd, double mcseMean) {
    }

    static ReferenceSummary load(String resource) {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ReferenceSummary.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split(",");
            int name = index(header, "param");
            int mean = index(header, "mean");
            int sd = index(header, "sd");
            int mcse = index(header, "mcse_mean");
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (f[name].equals("lp__")) {
                    continue; // log densities differ by constants between programs
                }
                rows.put(f[name], new Row(f[name], Double.parseDouble(f[mean]), Double.parseDouble(f[sd]),
                        Double.parseDouble(f[mcse])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReferenceSummary(rows);
    }

    private static int index(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }
}
