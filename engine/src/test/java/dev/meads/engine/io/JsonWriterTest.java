package dev.meads.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String json(Object tree) {
        return JsonWriter.toJson(tree);
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\"\n", json("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\"\n", json("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\\u0001\"\n", json("\u0000\u001f\u0001"));
        assertEquals("\"\\u2028\\u2029\"\n", json("\u2028\u2029"));
        assertEquals("\"/ é ü 日本\"\n", json("/ é ü 日本"), "non-ASCII text stays as it is");
        assertEquals("\"\uD83D\uDE00\"\n", json("\uD83D\uDE00"), "a surrogate pair stays as it is");
        assertEquals("\"\\ud83d x \\ude00\"\n", json("\uD83D x \uDE00"), "unpaired surrogates are escaped");
        assertEquals("\"\u007f\"\n", json("\u007f"));
    }

    @Test
    void numbersKeepFullPrecisionAndNonFiniteBecomesNull() {
        assertEquals("[0.1, 1.0E-5, 3.0, -0.0, 1.7976931348623157E308, 4.9E-324, null, null, null]\n",
                json(new double[] {0.1, 1e-5, 3.0, -0.0, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals("[9223372036854775807, -1, 0]\n", json(new long[] {Long.MAX_VALUE, -1, 0}));
        assertEquals("[1, 2]\n", json(new int[] {1, 2}));
        assertEquals("[0.1, null]\n", json(new float[] {0.1f, Float.NaN}));
        assertEquals("3.141592653589793\n", json(Math.PI));
        assertEquals("null\n", json(Double.NaN));
        assertEquals("42\n", json(42));
        assertEquals("12345678901234567890\n", json(new java.math.BigInteger("12345678901234567890")));
    }

    @Test
    void treesArePrettyPrinted() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", "radon");
        root.put("chains", 4);
        root.put("ok", true);
        root.put("missing", null);
        root.put("rhat", List.of(1.001, 1.002));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("empty_object", Map.of());
        nested.put("empty_array", List.of());
        nested.put("rows", List.of(Map.of("name", "mu"), List.of(1, List.of(2))));
        root.put("nested", nested);
        root.put("mode", Thread.State.NEW);
        String expected = """
                {
                  "model": "radon",
                  "chains": 4,
                  "ok": true,
                  "missing": null,
                  "rhat": [1.001, 1.002],
                  "nested": {
                    "empty_object": {},
                    "empty_array": [],
                    "rows": [
                      {
                        "name": "mu"
                      },
                      [
                        1,
                        [2]
                      ]
                    ]
                  },
                  "mode": "NEW"
                }
                """;
        assertEquals(expected, json(root));
    }

    @Test
    void streamingMatchesTheTreeForm() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginObject()
                .name("a").value(1.5)
                .name("b").beginInlineArray().value("x").value(2L).nullValue().endArray()
                .name("c").beginArray().value(false).endArray()
                .endObject();
        assertEquals("""
                {
                  "a": 1.5,
                  "b": ["x", 2, null],
                  "c": [
                    false
                  ]
                }""", sb.toString());
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).beginObject().value(1L));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter(new StringBuilder()).value(1L).value(2L));
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().name("a").name("b"));
        assertThrows(IllegalStateException.class,
                () -> new JsonWriter(new StringBuilder()).beginObject().name("a").endObject());
        assertThrows(IllegalArgumentException.class, () -> json(new Object()));
        assertThrows(IllegalArgumentException.class, () -> json(new ArrayList<>(List.of(new Object()))));
    }
}
