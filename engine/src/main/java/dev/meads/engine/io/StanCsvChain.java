package dev.meads.engine.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Stan CSV file (one chain) said besides its draws.
 *
 * @param file                  the file read
 * @param config                {@code key = value} comment pairs, first occurrence of each key, with
 *                              CmdStan's {@code (Default)} marks removed (e.g. {@code num_samples -> 1000})
 * @param columns               the header's column names as written (dotted)
 * @param warmupRows            rows dropped as warmup ({@code save_warmup = 1}); 0 otherwise
 * @param draws                 post-warmup rows read (complete rows only)
 * @param stepSize              from the adaptation block, NaN when absent
 * @param inverseMetricDiagonal from the adaptation block (the diagonal of a dense metric), empty when absent
 * @param warmupSeconds         from the elapsed-time block, NaN when absent
 * @param samplingSeconds       from the elapsed-time block, NaN when absent
 */
public record StanCsvChain(Path file, Map<String, String> config, List<String> columns, int warmupRows, int draws,
                           double stepSize, double[] inverseMetricDiagonal, double warmupSeconds,
                           double samplingSeconds) {
    public StanCsvChain {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        columns = List.copyOf(columns);
        inverseMetricDiagonal = inverseMetricDiagonal.clone();
    }

    @Override
    public double[] inverseMetricDiagonal() {
        return inverseMetricDiagonal.clone();
    }

    /** The chain id from the {@code id} comment, or -1 when absent or not an integer. */
    public int chainId() {
        try {
            String id = config.get("id");
            return id == null ? -1 : Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
