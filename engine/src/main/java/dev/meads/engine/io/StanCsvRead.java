package dev.meads.engine.io;

import dev.meads.engine.draws.Draws;
import java.util.List;

/**
 * The result of reading Stan CSV files: the draws (one chain per file, in file order), what
 * each file said besides, and warnings about anything repaired or dropped on the way.
 *
 * @param draws    post-warmup draws with bracket names; sampler columns a file lacked are NaN
 * @param chains   one entry per file, in the same order as the chains of {@code draws}
 * @param warnings human-readable notes, each naming its file (truncated last line, draws fewer
 *                 than announced, chains cut to the shortest, ...)
 */
public record StanCsvRead(Draws draws, List<StanCsvChain> chains, List<String> warnings) {
    public StanCsvRead {
        chains = List.copyOf(chains);
        warnings = List.copyOf(warnings);
    }
}
