package dev.meads.models.data;

import dev.meads.models.irt.IrtData;
import dev.meads.models.radon.RadonData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The bundled datasets load and hold the numbers their sources describe. */
class DatasetsTest {

    @Test
    void notebookRadon() {
        RadonData d = Datasets.notebookRadon();
        assertEquals(838, d.observations());
        assertEquals(85, d.counties());
        assertEquals(0, d.county()[0]);
        assertEquals(84, d.county()[837]);
        assertEquals(2.531435807137319, d.logRadon()[0]);
        assertEquals(0.303, Arrays.stream(d.floor()).average().orElseThrow(), 5e-4);
        assertEquals("dev/meads/models/data/notebook_radon.csv", d.source());
    }

    @Test
    void minnesotaRadon() {
        RadonData d = Datasets.minnesotaRadon();
        assertEquals(919, d.observations());
        assertEquals(85, d.counties());
        assertNotNull(d.countyNames());
        assertEquals("AITKIN", d.countyNames()[0]);
        assertEquals("YELLOW MEDICINE", d.countyNames()[84]);
        assertEquals(0.0953101798043249, d.logRadon()[0]);
        assertEquals(1.0, d.floor()[3]);
    }

    @Test
    void notebookIrt() {
        IrtData d = Datasets.notebookIrt();
        assertEquals(100, d.students());
        assertEquals(30, d.items());
        byte[] firstRow = Arrays.copyOf(d.responses(), 30);
        assertArrayEquals(new byte[]{1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1},
                firstRow);
    }

    @Test
    void posteriordbIrt2pl() {
        IrtData d = Datasets.posteriordbIrt2pl();
        assertEquals(100, d.students());
        assertEquals(20, d.items());
        assertEquals(0.634, d.meanResponse(), 5e-4);
        assertEquals(1, d.response(0, 0));
    }
}
