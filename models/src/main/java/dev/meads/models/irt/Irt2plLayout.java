package dev.meads.models.irt;

/**
 * Where the IRT 2PL parameters sit in an unconstrained vector, their names, and the map to the
 * constrained quantities reported to users.
 *
 * <p>Order: {@code theta[1..S]} (student abilities), then {@code b[1..I]} (item
 * difficulties), then {@code log_a[1..I]} (logs of the item discriminations), so the dimension
 * is {@code S + 2I}. Names are 1-based, as in Stan. Constraining replaces {@code log_a[j]} by
 * {@code a[j] = exp(log_a[j])} and leaves the rest unchanged.
 */
public final class Irt2plLayout {
    private final int students;
    private final int items;

    /**
     * @param students number of students, at least 1
     * @param items    number of items, at least 1
     */
    public Irt2plLayout(int students, int items) {
        if (students < 1 || items < 1) {
            throw new IllegalArgumentException("need at least one student and one item, got " + students + " x " + items);
        }
        if ((long) students + 2L * items > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many parameters: " + students + " students and " + items + " items");
        }
        this.students = students;
        this.items = items;
    }

    public int students() {
        return students;
    }

    public int items() {
        return items;
    }

    /** Number of unconstrained coordinates, {@code students + 2 items}. */
    public int dimension() {
        return students + 2 * items;
    }

    /** Offset of {@code theta[1]} (always 0). */
    public int thetaOffset() {
        return 0;
    }

    /** Offset of {@code b[1]}. */
    public int difficultyOffset() {
        return students;
    }

    /** Offset of {@code log_a[1]}. */
    public int logDiscriminationOffset() {
        return students + items;
    }

    /** {@code theta[1]..theta[S], b[1]..b[I], log_a[1]..log_a[I]}. */
    public String[] parameterNames() {
        return names("log_a");
    }

    /** {@code theta[1]..theta[S], b[1]..b[I], a[1]..a[I]}. */
    public String[] constrainedNames() {
        return names("a");
    }

    private String[] names(String discrimination) {
        String[] names = new String[dimension()];
        int k = 0;
        for (int i = 1; i <= students; i++) {
            names[k++] = "theta[" + i + "]";
        }
        for (int j = 1; j <= items; j++) {
            names[k++] = "b[" + j + "]";
        }
        for (int j = 1; j <= items; j++) {
            names[k++] = discrimination + "[" + j + "]";
        }
        return names;
    }

    /** Copies theta and b, and writes {@code a[j] = exp(log_a[j])}. */
    public void constrain(double[] x, int xOff, double[] out, int outOff) {
        int logA = logDiscriminationOffset();
        System.arraycopy(x, xOff, out, outOff, logA);
        for (int j = 0; j < items; j++) {
            out[outOff + logA + j] = Math.exp(x[xOff + logA + j]);
        }
    }
}
