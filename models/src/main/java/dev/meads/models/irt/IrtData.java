package dev.meads.models.irt;

/**
 * Complete binary responses of {@code students} students to {@code items} items, stored
 * student-major: the response of student {@code i} to item {@code j} is
 * {@code responses[i*items + j]}, either 0 or 1.
 *
 * @param source where the data came from (a file name, or a description of a generator), for messages
 */
public record IrtData(int students, int items, byte[] responses, String source) {

    public IrtData {
        if (students < 1 || items < 1) {
            throw new IllegalArgumentException("need at least one student and one item, got " + students + " x " + items);
        }
        if (responses.length != students * items) {
            throw new IllegalArgumentException("expected " + students * items + " responses, got " + responses.length);
        }
        for (int k = 0; k < responses.length; k++) {
            if (responses[k] != 0 && responses[k] != 1) {
                throw new IllegalArgumentException("response of student " + (k / items + 1) + " to item "
                        + (k % items + 1) + " is " + responses[k] + ", not 0 or 1");
            }
        }
    }

    public int response(int student, int item) {
        return responses[student * items + item];
    }

    /** Fraction of responses equal to 1. */
    public double meanResponse() {
        long ones = 0;
        for (byte r : responses) {
            ones += r;
        }
        return (double) ones / responses.length;
    }
}
