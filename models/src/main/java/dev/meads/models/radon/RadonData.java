package dev.meads.models.radon;

/**
 * Radon measurements: observation {@code n} was taken in county {@code county[n]} (0-based,
 * below {@code counties}), on floor {@code floor[n]} (0 = basement, 1 = first floor; any real
 * value is accepted), with response {@code logRadon[n]}.
 *
 * @param countyNames optional names of the counties (length {@code counties}), or null
 * @param source where the data came from, for messages
 */
public record RadonData(int counties, int[] county, double[] floor, double[] logRadon, String[] countyNames,
                        String source) {

    public RadonData {
        int n = county.length;
        if (n == 0) {
            throw new IllegalArgumentException("no observations");
        }
        if (counties < 1) {
            throw new IllegalArgumentException("need at least one county, got " + counties);
        }
        if (floor.length != n || logRadon.length != n) {
            throw new IllegalArgumentException("county, floor and log_radon must have the same length: "
                    + n + ", " + floor.length + ", " + logRadon.length);
        }
        if (countyNames != null && countyNames.length != counties) {
            throw new IllegalArgumentException(countyNames.length + " county names for " + counties + " counties");
        }
        for (int i = 0; i < n; i++) {
            if (county[i] < 0 || county[i] >= counties) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": county index " + county[i]
                        + " outside [0, " + counties + ")");
            }
            if (!Double.isFinite(floor[i]) || !Double.isFinite(logRadon[i])) {
                throw new IllegalArgumentException("observation " + (i + 1) + ": non-finite floor or log_radon");
            }
        }
    }

    public int observations() {
        return county.length;
    }
}
