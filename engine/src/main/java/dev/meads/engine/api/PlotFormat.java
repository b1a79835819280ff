package dev.meads.engine.api;

/** Which plots a run writes, if any. */
public enum PlotFormat {
    /** No plots. */
    NONE(null),
    /**
     * SVG images: text that any browser shows and scales without loss. The default: a fresh JVM
     * writes them in under a tenth of a second, where the PNG files take it about 0.8 s.
     */
    SVG("svg"),
    /** PNG images, drawn with Java2D. */
    PNG("png");

    private final String extension;

    PlotFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot; null for {@link #NONE}. */
    public String extension() {
        return extension;
    }
}
