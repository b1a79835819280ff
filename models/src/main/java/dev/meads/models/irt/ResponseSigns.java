package dev.meads.models.irt;

/**
 * Responses recoded for the kernels: {@code +1} for a 1 and {@code -1} for a 0, so that
 * {@code s = sign * eta} is the logit of the observed outcome. Stored item-major, each item's
 * row padded with zeros to a chosen length, because the kernels walk students innermost.
 */
final class ResponseSigns {
    private ResponseSigns() {
    }

    /**
     * Item-major signs: the sign of student {@code i} on item {@code j} is at
     * {@code [j * rowLength + i]}; entries {@code i >= students} are 0.
     *
     * @param rowLength at least {@code data.students()}
     */
    static double[] itemMajor(IrtData data, int rowLength) {
        if (rowLength < data.students()) {
            throw new IllegalArgumentException("row length " + rowLength + " is shorter than " + data.students() + " students");
        }
        double[] signs = new double[Math.multiplyExact(data.items(), rowLength)];
        for (int j = 0; j < data.items(); j++) {
            for (int i = 0; i < data.students(); i++) {
                signs[j * rowLength + i] = data.response(i, j) == 1 ? 1.0 : -1.0;
            }
        }
        return signs;
    }
}
