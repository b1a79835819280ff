package dev.meads.engine.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Slices, base names, exact names, lists, and the errors for what does not exist. */
class ParameterSelectionTest {
    private static final String[] NAMES = {
        "mu", "theta[1]", "theta[2]", "theta[3]", "theta[4]", "theta[5]", "theta[6]", "sigma_y", "sigma_theta",
        "Omega[1,1]", "Omega[2,1]", "Omega[1,2]", "Omega[2,2]", "theta_raw[1]", "theta_raw[2]",
    };

    private static int[] select(String s) {
        return ParameterSelection.select(s, NAMES);
    }

    private static String message(String selection) {
        return assertThrows(IllegalArgumentException.class, () -> select(selection)).getMessage();
    }

    @Test
    void slicesAreOneBasedAndInclusive() {
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, select("theta[1:5]"));
        assertArrayEquals(new int[] {3}, select("theta[3:3]"));
        assertArrayEquals(new int[] {6}, select("theta[ 6 ]"));
    }

    @Test
    void baseNameSelectsEveryElementButNotOtherBases() {
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, select("theta"));
        assertArrayEquals(new int[] {13, 14}, select("theta_raw"));
        assertArrayEquals(new int[] {9, 10, 11, 12}, select("Omega"));
    }

    @Test
    void exactNamesAndMultiIndexSlices() {
        assertArrayEquals(new int[] {7}, select("sigma_y"));
        assertArrayEquals(new int[] {0}, select("mu"));
        assertArrayEquals(new int[] {11}, select("Omega[1,2]"));
        // Both elements with column 1, in the names' order.
        assertArrayEquals(new int[] {9, 10}, select("Omega[1:2,1]"));
    }

    @Test
    void listsKeepOrderAndDropRepeats() {
        assertArrayEquals(new int[] {7, 1, 2, 0}, select("sigma_y, theta[1:2], mu,theta[2]"));
        assertArrayEquals(new int[] {11, 7}, select("Omega[1,2],sigma_y"));
    }

    @Test
    void unknownNamesSuggestTheNearest() {
        String m = message("thta[1:3]");
        assertTrue(m.contains("unknown parameter 'thta'") && m.contains("did you mean 'theta'?"), m);
        m = message("sigma_yy");
        assertTrue(m.contains("'sigma_yy'") && m.contains("did you mean 'sigma_y'?"), m);
        m = message("mu, sigmatheta");
        assertTrue(m.contains("'sigmatheta'") && m.contains("in 'mu, sigmatheta'") && m.contains("'sigma_theta'"), m);
        assertEquals("theta", ParameterSelection.nearest("Theta", NAMES));
    }

    @Test
    void slicesOutsideTheVectorAreErrors() {
        String m = message("theta[5:9]");
        assertTrue(m.contains("theta[5:9]") && m.contains("6 elements theta[1] .. theta[6]"), m);
        m = message("theta[0:2]");
        assertTrue(m.contains("1-based"), m);
        m = message("theta[4:2]");
        assertTrue(m.contains("ends before it starts"), m);
        m = message("mu[1]");
        assertTrue(m.contains("scalar"), m);
        m = message("theta[a:b]");
        assertTrue(m.contains("cannot read index"), m);
    }

    @Test
    void malformedSelections() {
        assertTrue(message("").contains("empty"));
        assertTrue(message("mu,,sigma_y").contains("empty item"));
        assertTrue(message("theta[1:2").contains("unbalanced"));
        assertTrue(message("theta]").contains("unbalanced"));
    }

    @Test
    void editDistance() {
        assertEquals(0, ParameterSelection.editDistance("abc", "abc"));
        assertEquals(1, ParameterSelection.editDistance("thta", "theta"));
        assertEquals(3, ParameterSelection.editDistance("kitten", "sitting"));
        assertEquals(5, ParameterSelection.editDistance("", "sigma"));
    }
}
