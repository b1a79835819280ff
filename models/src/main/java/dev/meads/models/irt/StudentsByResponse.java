package dev.meads.models.irt;

/**
 * For each item, the students ordered by their response: those who answered 1 first, then
 * those who answered 0, each group in increasing student order. Within a group the sign of
 * the observed outcome's logit is fixed, so a kernel walking an item's students in this order
 * needs no per-response sign arithmetic.
 *
 * <p>Immutable; the arrays are shared between model copies and never written after construction.
 */
final class StudentsByResponse {
    private final int students;
    private final int[] order;
    private final int[] ones;

    StudentsByResponse(IrtData data) {
        this.students = data.students();
        this.order = new int[data.students() * data.items()];
        this.ones = new int[data.items()];
        for (int j = 0; j < data.items(); j++) {
            int k = j * students;
            for (int i = 0; i < students; i++) {
                if (data.response(i, j) == 1) {
                    order[k++] = i;
                }
            }
            ones[j] = k - j * students;
            for (int i = 0; i < students; i++) {
                if (data.response(i, j) == 0) {
                    order[k++] = i;
                }
            }
        }
    }

    /** Number of students who answered item {@code j} with 1; they come first in its ordering. */
    int ones(int j) {
        return ones[j];
    }

    /** The orderings, item-major: item {@code j}'s starts at {@code j * students}. */
    int[] order() {
        return order;
    }
}
