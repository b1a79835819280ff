package dev.meads.engine.io;

import dev.meads.engine.io.SvgDocument.Anchor;

/**
 * A figure of equal panels laid out in rows under an optional title, as an {@link SvgDocument};
 * the same sizes and colours as the PNG plots.
 */
final class SvgFigure {
    /** Line colours (Okabe-Ito, colour-blind safe), used in order for chains and folds. */
    static final String[] PALETTE = {
        "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000", "#f0e442",
    };
    static final String THRESHOLD = "#c81e1e";
    static final int TITLE_HEIGHT = 34;

    private final SvgDocument doc;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;
    private final int top;

    /**
     * @param title    drawn centred above the panels; null for none
     * @param panels   how many panels, at least 1
     * @param columns  panels per row (fewer when there are fewer panels)
     */
    SvgFigure(String title, int panels, int columns, int panelWidth, int panelHeight) {
        if (panels < 1) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        this.columns = Math.max(1, Math.min(columns, panels));
        int rows = (panels + this.columns - 1) / this.columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        this.top = title == null ? 0 : TITLE_HEIGHT;
        this.doc = new SvgDocument(this.columns * panelWidth, top + rows * panelHeight);
        if (title != null) {
            doc.text(doc.width() / 2.0, 24, title, 17, true, Anchor.MIDDLE, 0);
        }
    }

    SvgDocument document() {
        return doc;
    }

    /** Panel {@code k} (from 0, row by row) of the figure. */
    SvgPanel panel(int k) {
        return new SvgPanel(doc, "panel" + k, (double) (k % columns) * panelWidth, top + (double) (k / columns) * panelHeight,
                panelWidth, panelHeight);
    }

    static String colour(int k) {
        return PALETTE[k % PALETTE.length];
    }
}
