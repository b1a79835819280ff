package dev.meads.models.data;

import dev.meads.models.radon.RadonData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.meads.models.data.LoaderTestSupport.assertFails;
import static dev.meads.models.data.LoaderTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadonCsvLoaderTest {
    @TempDir
    Path dir;

    @Test
    void notebookLayoutOneBased() throws IOException {
        Path f = write(dir, "radon.csv", "county,floor,log_radon\n1,0,2.5\n1,1,1.25\n3,0,-0.5\n");
        RadonData d = RadonCsvLoader.load(f);
        assertEquals(3, d.counties());
        assertArrayEquals(new int[]{0, 0, 2}, d.county());
        assertArrayEquals(new double[]{0, 1, 0}, d.floor());
        assertArrayEquals(new double[]{2.5, 1.25, -0.5}, d.logRadon());
        assertNull(d.countyNames());
        assertEquals(f.toString(), d.source());
    }

    @Test
    void posteriordbLayoutWithNamesAliasesAndExtraColumns() throws IOException {
        Path f = write(dir, "mn.csv", "obs,county_idx,county_name,floor_measure,log_radon,log_uppm\n"
                + "1,1,AITKIN,0,0.095,-0.5\n2,2,\"ST, LOUIS\",1,0.83,0.1\n3,2,\"ST, LOUIS\",0,1.1,0.1\n");
        RadonData d = RadonCsvLoader.load(f);
        assertEquals(2, d.counties());
        assertArrayEquals(new String[]{"AITKIN", "ST, LOUIS"}, d.countyNames());
        assertArrayEquals(new double[]{0, 1, 0}, d.floor());
    }

    @Test
    void zeroBasedIsDetectedAndColumnsMayComeInAnyOrder() throws IOException {
        Path f = write(dir, "r.csv", "log_radon , FLOOR, county\n1.0,0.5,0\n2.0,0,2\n3.0,1,2\n");
        RadonData d = RadonCsvLoader.load(f);
        assertEquals(3, d.counties());
        assertArrayEquals(new int[]{0, 2, 2}, d.county());
        assertArrayEquals(new double[]{0.5, 0, 1}, d.floor());
    }

    @Test
    void explicitBaseOverridesTheRule() throws IOException {
        Path f = write(dir, "r.csv", "county,floor,log_radon\n1,0,1\n2,0,2\n2,1,3\n");
        assertEquals(3, RadonCsvLoader.load(f, IndexBase.ZERO).counties());
        assertEquals(2, RadonCsvLoader.load(f, IndexBase.ONE).counties());
    }

    @Test
    void countiesWithoutObservationsGetEmptyNames() throws IOException {
        Path f = write(dir, "r.csv", "county,county_name,floor,log_radon\n1,A,0,1\n3,C,0,2\n3,C,1,3\n");
        RadonData d = RadonCsvLoader.load(f);
        assertArrayEquals(new String[]{"A", "", "C"}, d.countyNames());
    }

    @Test
    void exampleMessage() throws IOException {
        Path f = write(dir, "radon.csv", "county,floor,log_radon\n1,0,2.5\n2,1,abc\n");
        DataFileException e = assertFails(f, 3, () -> RadonCsvLoader.load(f), "column log_radon: 'abc' is not a number");
        assertEquals(f + ":3: column log_radon: 'abc' is not a number", e.getMessage());
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("none.csv");
        assertFails(f, 0, () -> RadonCsvLoader.load(f), "file not found");
    }

    @Test
    void unreadableFile() throws IOException {
        Path f = Files.createDirectory(dir.resolve("d.csv"));
        assertFails(f, 0, () -> RadonCsvLoader.load(f), "cannot read file");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write(dir, "e.csv", "   \n");
        assertFails(f, 0, () -> RadonCsvLoader.load(f), "file is empty");
    }

    @Test
    void headerWithoutRows() throws IOException {
        Path f = write(dir, "h.csv", "county,floor,log_radon\n");
        assertFails(f, 1, () -> RadonCsvLoader.load(f), "no data rows");
    }

    @Test
    void nonNumericCells() throws IOException {
        Path f = write(dir, "r.csv", "county,floor,log_radon\n1,0,2.5\nx,1,1\n");
        assertFails(f, 3, () -> RadonCsvLoader.load(f), "column county: 'x' is not a number");
        Path g = write(dir, "r2.csv", "county_idx,floor_measure,log_radon\n1,0x1,2.5\n");
        assertFails(g, 2, () -> RadonCsvLoader.load(g), "column floor_measure: '0x1' is not a number");
        Path h = write(dir, "r3.csv", "county,floor,log_radon\n1,0,2.5d\n");
        assertFails(h, 2, () -> RadonCsvLoader.load(h), "column log_radon: '2.5d' is not a number");
    }

    @Test
    void nanAndInfinity() throws IOException {
        Path f = write(dir, "r.csv", "county,floor,log_radon\n1,0,NaN\n");
        assertFails(f, 2, () -> RadonCsvLoader.load(f), "column log_radon: 'NaN' is not finite");
        Path g = write(dir, "r2.csv", "county,floor,log_radon\n1,-Infinity,0\n");
        assertFails(g, 2, () -> RadonCsvLoader.load(g), "column floor: '-Infinity' is not finite");
    }

    @Test
    void raggedRow() throws IOException {
        Path f = write(dir, "r.csv", "county,floor,log_radon\n1,0,2.5\n1,0,2.5,7\n");
        assertFails(f, 3, () -> RadonCsvLoader.load(f), "ragged row: 4 cells, expected 3");
    }

    @Test
    void missingColumn() throws IOException {
        Path f = write(dir, "r.csv", "county,basement,log_radon\n1,0,2.5\n");
        assertFails(f, 1, () -> RadonCsvLoader.load(f), "no column floor (or floor_measure)");
        Path g = write(dir, "r2.csv", "floor,log_radon\n0,2.5\n");
        assertFails(g, 1, () -> RadonCsvLoader.load(g), "no column county (or county_idx)");
    }

    @Test
    void twoAliasesOfOneColumn() throws IOException {
        Path f = write(dir, "r.csv", "county,county_idx,floor,log_radon\n1,1,0,2.5\n");
        assertFails(f, 1, () -> RadonCsvLoader.load(f), "'county' and 'county_idx' both give county");
    }

    @Test
    void countyIndexOutOfRange() throws IOException {
        Path f = write(dir, "r.csv", "county,floor,log_radon\n1,0,2.5\n-2,0,1\n");
        assertFails(f, 3, () -> RadonCsvLoader.load(f), "county index -2 is negative");
        Path g = write(dir, "r2.csv", "county,floor,log_radon\n1,0,2.5\n0,0,1\n");
        assertFails(g, 3, () -> RadonCsvLoader.load(g, IndexBase.ONE), "county index 0 is below 1");
        Path h = write(dir, "r3.csv", "county,floor,log_radon\n1,0,2.5\n2.5,0,1\n");
        assertFails(h, 3, () -> RadonCsvLoader.load(h), "column county: '2.5' is not an integer");
    }

    /** Each county is a parameter: an index far beyond the rows (a typo) would make millions of them. */
    @Test
    void anImplausiblyLargeCountyIndexIsRejected() throws IOException {
        Path f = write(dir, "r.csv", "county,floor,log_radon\n1,0,1.2\n2000000000,1,0.5\n");
        DataFileException e = assertFails(f, 3, () -> RadonCsvLoader.load(f), "column county: county index "
                + "2000000000 would make 2000000000 counties from 2 data rows", "not more than 100000 counties");
        assertTrue(e.getMessage().contains("a typo, or another column?"), e.getMessage());
        Path g = write(dir, "r2.csv", "county_idx,floor,log_radon\n0,0,1.2\n100000,1,0.5\n");
        assertFails(g, 3, () -> RadonCsvLoader.load(g), "column county_idx: county index 100000 would make 100001 "
                + "counties", "not more than 100000");
        // counties without rows are fine: a subset of Minnesota's homes keeps its county codes
        Path h = write(dir, "r3.csv", "county,floor,log_radon\n1,0,1.2\n3,1,0.5\n85,0,0.7\n");
        assertEquals(85, RadonCsvLoader.load(h).counties());
    }

    @Test
    void conflictingOrEmptyCountyNames() throws IOException {
        Path f = write(dir, "r.csv", "county,county_name,floor,log_radon\n1,A,0,1\n2,B,0,1\n1,Z,1,2\n");
        assertFails(f, 4, () -> RadonCsvLoader.load(f), "county 1 is named 'Z' here but 'A' on line 2");
        Path g = write(dir, "r2.csv", "county,county_name,floor,log_radon\n1,A,0,1\n2,,0,1\n");
        assertFails(g, 3, () -> RadonCsvLoader.load(g), "column county_name: empty cell");
    }
}
