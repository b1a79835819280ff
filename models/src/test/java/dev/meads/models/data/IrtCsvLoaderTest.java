package dev.meads.models.data;

import dev.meads.models.irt.IrtData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.meads.models.data.LoaderTestSupport.assertFails;
import static dev.meads.models.data.LoaderTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IrtCsvLoaderTest {
    @TempDir
    Path dir;

    @Test
    void matrixWithWhitespaceBlankLinesCrlfAndBom() throws IOException {
        Path f = write(dir, "m.csv", "\uFEFF1, 0 ,1,1\r\n\r\n 0,0,0,1 \r\n1 ,1,1 , 0\r\n   \r\n");
        IrtData d = IrtCsvLoader.load(f);
        assertEquals(3, d.students());
        assertEquals(4, d.items());
        assertArrayEquals(new byte[]{1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0}, d.responses());
        assertEquals(f.toString(), d.source());
    }

    @Test
    void longFormatOneBasedItemMajorIsStoredStudentMajor() throws IOException {
        // 2 persons x 3 items, item-major rows, person p item i -> y = (p + i) % 2
        Path f = write(dir, "l.csv", "item,person,y\n1,1,0\n1,2,1\n2,1,1\n2,2,0\n3,1,0\n3,2,1\n");
        IrtData d = IrtCsvLoader.load(f);
        assertEquals(2, d.students());
        assertEquals(3, d.items());
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < 3; i++) {
                assertEquals((p + i + 2) % 2, d.response(p, i), "person " + p + " item " + i);
            }
        }
    }

    @Test
    void longFormatZeroBasedIsDetectedAndColumnsMayComeInAnyOrderWithExtras() throws IOException {
        Path f = write(dir, "l0.csv", " Y , note, Person ,item\n1,a,0,0\n0,b,0,1\n0,c,1,0\n1,d,1,1\n1,e,2,0\n1,f,2,1\n");
        IrtData d = IrtCsvLoader.load(f);
        assertEquals(3, d.students());
        assertEquals(2, d.items());
        assertArrayEquals(new byte[]{1, 0, 0, 1, 1, 1}, d.responses());
    }

    @Test
    void explicitOneBasedRejectsIndexZero() throws IOException {
        Path f = write(dir, "l.csv", "person,item,y\n0,1,1\n1,1,0\n");
        assertFails(f, 2, () -> IrtCsvLoader.load(f, IndexBase.ONE), "person index 0 is below 1", "1-based");
    }

    @Test
    void explicitZeroBasedOnAOneBasedFileReportsTheMissingPair() throws IOException {
        Path f = write(dir, "l.csv", "person,item,y\n1,1,1\n1,2,0\n2,1,1\n2,2,0\n");
        assertFails(f, 0, () -> IrtCsvLoader.load(f, IndexBase.ZERO), "no response for person 0, item 0");
    }

    @Test
    void duplicatePairNamesThePairAndBothLines() throws IOException {
        Path f = write(dir, "dup.csv", "person,item,y\n1,1,1\n1,2,0\n2,1,1\n1,2,1\n2,2,0\n");
        assertFails(f, 5, () -> IrtCsvLoader.load(f), "person 1, item 2 given twice", "also on line 3");
    }

    @Test
    void missingPairIsNamed() throws IOException {
        Path f = write(dir, "miss.csv", "person,item,y\n1,1,1\n1,2,0\n2,1,1\n3,1,0\n3,2,1\n");
        assertFails(f, 0, () -> IrtCsvLoader.load(f), "no response for person 2, item 2");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.csv");
        assertFails(f, 0, () -> IrtCsvLoader.load(f), "file not found");
    }

    @Test
    void unreadableFile() throws IOException {
        Path f = Files.createDirectory(dir.resolve("adir.csv"));
        assertFails(f, 0, () -> IrtCsvLoader.load(f), "cannot read file");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write(dir, "e.csv", "");
        assertFails(f, 0, () -> IrtCsvLoader.load(f), "file is empty");
        Path g = write(dir, "blank.csv", "\n  \n\t\n");
        assertFails(g, 0, () -> IrtCsvLoader.load(g), "file is empty");
    }

    @Test
    void notUtf8() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[]{'1', ',', (byte) 0xE9, '\n'});
        assertFails(f, 0, () -> IrtCsvLoader.load(f), "not UTF-8");
    }

    @Test
    void nonNumericCellInMatrix() throws IOException {
        Path f = write(dir, "m.csv", "1,0,1\n0,x,1\n");
        assertFails(f, 2, () -> IrtCsvLoader.load(f), "column 2: 'x' is not a number");
    }

    @Test
    void emptyCellInMatrix() throws IOException {
        Path f = write(dir, "m.csv", "1,0,1\n0,,1\n");
        assertFails(f, 2, () -> IrtCsvLoader.load(f), "column 2: empty cell");
    }

    @Test
    void raggedRowInMatrix() throws IOException {
        Path f = write(dir, "m.csv", "1,0,1\n0,1,1\n1,1\n");
        assertFails(f, 3, () -> IrtCsvLoader.load(f), "ragged row: 2 cells, expected 3");
    }

    @Test
    void raggedRowInLongFormat() throws IOException {
        Path f = write(dir, "l.csv", "person,item,y\n1,1,1\n1,2\n");
        assertFails(f, 3, () -> IrtCsvLoader.load(f), "ragged row: 2 cells, expected 3");
    }

    @Test
    void responseNotZeroOrOne() throws IOException {
        Path f = write(dir, "m.csv", "1,0,1\n0,2,1\n");
        assertFails(f, 2, () -> IrtCsvLoader.load(f), "column 2: response '2' is not 0 or 1");
        Path g = write(dir, "l.csv", "person,item,y\n1,1,0.5\n");
        assertFails(g, 2, () -> IrtCsvLoader.load(g), "column y: response '0.5' is not 0 or 1");
    }

    @Test
    void nanAndInfinity() throws IOException {
        Path f = write(dir, "m.csv", "NaN,0,1\n0,1,1\n");
        assertFails(f, 1, () -> IrtCsvLoader.load(f), "column 1: 'NaN' is not finite");
        Path g = write(dir, "l.csv", "person,item,y\n1,1,1\nInf,1,0\n");
        assertFails(g, 3, () -> IrtCsvLoader.load(g), "column person: 'Inf' is not finite");
        Path h = write(dir, "l2.csv", "person,item,y\n1,1e999,1\n");
        assertFails(h, 2, () -> IrtCsvLoader.load(h), "column item: '1e999' is not finite");
    }

    @Test
    void missingColumn() throws IOException {
        Path f = write(dir, "l.csv", "person,item,response\n1,1,1\n");
        assertFails(f, 1, () -> IrtCsvLoader.load(f), "no column 'y'");
    }

    @Test
    void duplicateHeaderColumn() throws IOException {
        Path f = write(dir, "l.csv", "person,item,y,Item\n1,1,1,1\n");
        assertFails(f, 1, () -> IrtCsvLoader.load(f), "column 'Item' appears twice");
    }

    @Test
    void headerWithoutRows() throws IOException {
        Path f = write(dir, "l.csv", "person,item,y\n\n");
        assertFails(f, 1, () -> IrtCsvLoader.load(f), "no data rows");
    }

    @Test
    void indexOutOfRange() throws IOException {
        Path f = write(dir, "l.csv", "person,item,y\n1,1,1\n-1,1,0\n");
        assertFails(f, 3, () -> IrtCsvLoader.load(f), "person index -1 is negative");
        Path g = write(dir, "l2.csv", "person,item,y\n1,1,1\n1,1.5,0\n");
        assertFails(g, 3, () -> IrtCsvLoader.load(g), "column item: '1.5' is not an integer");
        Path h = write(dir, "l3.csv", "person,item,y\n1,1,1\n1,99999999999,0\n");
        assertFails(h, 3, () -> IrtCsvLoader.load(h), "'99999999999' is not an integer");
    }

    /** Every pair has a row, so an index beyond the rows is a slip: named with its line and the rule. */
    @Test
    void indexBeyondTheNumberOfRowsIsNamedWithItsLine() throws IOException {
        Path f = write(dir, "l.csv", "person,item,y\n1,1,1\n2000000000,1,0\n");
        DataFileException e = assertFails(f, 3, () -> IrtCsvLoader.load(f), "column person: person index 2000000000 "
                + "would make 2000000000 persons from 2 data rows", "from 1 to at most 2");
        assertEquals(f + ":3: column person: person index 2000000000 would make 2000000000 persons from 2 data "
                + "rows; number the persons from 1 to at most 2 (there cannot be more persons than rows)",
                e.getMessage());
        Path g = write(dir, "l2.csv", "person,item,y\n0,0,1\n0,7,0\n");
        assertFails(g, 3, () -> IrtCsvLoader.load(g), "column item: item index 7 would make 8 items",
                "from 0 to at most 1");
        // the largest index the rule allows is still read (and then reported as a missing pair)
        Path h = write(dir, "l3.csv", "person,item,y\n1,1,1\n2,1,0\n");
        assertEquals(2, IrtCsvLoader.load(h).students());
    }

    /** A first row of 0/1 cells with one typo is a matrix row: its bad cell is named, as on any other line. */
    @Test
    void firstRowWithATypoIsAMatrixRowNotAHeader() throws IOException {
        Path f = write(dir, "m.csv", "1,0,1,0,l,1\n0,1,1,0,1,0\n");
        DataFileException first = assertFails(f, 1, () -> IrtCsvLoader.load(f), "column 5: 'l' is not a number");
        Path g = write(dir, "m2.csv", "0,1,1,0,1,0\n1,0,1,0,l,1\n");
        DataFileException second = assertFails(g, 2, () -> IrtCsvLoader.load(g), "column 5: 'l' is not a number");
        assertEquals(second.problem(), first.problem());
        Path h = write(dir, "m3.csv", "1,0,1,\n0,1,1,\n");
        assertFails(h, 1, () -> IrtCsvLoader.load(h), "column 4: empty cell");
        // a header naming person and item stays a header, even with a number among its names
        Path l = write(dir, "l.csv", "person,item,y,2024\n1,1,1,x\n");
        assertEquals(1, IrtCsvLoader.load(l).items());
    }

    @Test
    void quotedCells() throws IOException {
        Path f = write(dir, "q.csv", "\"person\",\"item\",\"y\"\n\"1\",1,\"1\"\n");
        IrtData d = IrtCsvLoader.load(f);
        assertEquals(1, d.students());
        assertEquals(1, d.response(0, 0));
        Path g = write(dir, "q2.csv", "person,item,y\n\"1,1,1\n");
        assertFails(g, 2, () -> IrtCsvLoader.load(g), "unterminated quoted cell");
    }
}
