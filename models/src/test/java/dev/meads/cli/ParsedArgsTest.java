package dev.meads.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line parser and the help text of {@link CommandSpec}. */
class ParsedArgsTest {
    private static CommandSpec spec() {
        return new CommandSpec("meads try", "A command to test the parser with; its description is long enough to be "
                + "wrapped at eighty columns by the help text.")
                .arguments("FILE", "input files", 1, 2)
                .option("--seed", "SEED", "random seed")
                .required("--model", "MODEL", "the model")
                .repeatable("--set", "KEY=VALUE", "override a key")
                .flag(List.of("-q", "--quiet"), "say little");
    }

    private static ParsedArgs parse(String... args) {
        return spec().parse(args, 0);
    }

    private static String problem(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignOrAsTheNextArgument() {
        ParsedArgs a = parse("--model=irt", "in.csv", "--seed", "7", "--set", "a=1", "--set=b=2", "-q");
        assertEquals("irt", a.value("--model"));
        assertEquals(7L, a.longValue("--seed"));
        assertEquals(List.of("a=1", "b=2"), a.values("--set"));
        assertTrue(a.has("--quiet"));
        assertEquals(List.of("in.csv"), a.arguments());
        assertNull(a.value("--absent"));
        assertEquals(List.of(), parse("--model", "m", "x").values("--set"));
    }

    @Test
    void shortFlagsGroupAndDoubleDashEndsTheOptions() {
        ParsedArgs a = parse("-qV");
        assertTrue(a.has("--quiet") && a.has("--version"));
        ParsedArgs b = parse("--model", "m", "--", "--not-an-option", "-q");
        assertEquals(List.of("--not-an-option", "-q"), b.arguments());
        assertFalse(b.has("--quiet"));
        assertEquals(List.of("-"), parse("--model", "m", "-").arguments(), "a lone dash is an argument (stdin)");
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("unknown option --sed (did you mean --seed?)", problem("--sed", "1", "--model", "m", "f"));
        assertEquals("unknown option --zzzzzzzz", problem("--zzzzzzzz", "--model", "m", "f"));
        assertEquals("unknown option -x", problem("-qx", "--model", "m", "f"));
        assertEquals("option --seed needs a value (SEED)", problem("--model", "m", "f", "--seed"));
        assertEquals("option --quiet takes no value", problem("--quiet=yes", "--model", "m", "f"));
        assertEquals("option --seed given more than once", problem("--seed", "1", "--seed", "2", "--model", "m", "f"));
        assertEquals("missing required option --model=MODEL", problem("f"));
        assertEquals("missing FILE", problem("--model", "m"));
        assertEquals("unexpected argument 'c' (takes one FILE)", problem("--model", "m", "a", "b", "c"));
        UsageException e = assertThrows(UsageException.class,
                () -> parse("--model", "m", "f", "--seed", "x").longValue("--seed"));
        assertEquals("option --seed: 'x' is not a whole number", e.getMessage());
        assertEquals("meads try", e.command().name());
        CommandSpec counted = new CommandSpec("meads n", "n").option("--n", "N", "a count");
        assertEquals("option --n: '3000000000' is too large", assertThrows(UsageException.class,
                () -> counted.parse(new String[] {"--n", "3000000000"}, 0).integer("--n")).getMessage());
        assertEquals(-4, counted.parse(new String[] {"--n=-4"}, 0).integer("--n"));
        CommandSpec none = new CommandSpec("meads keys", "Lists keys.");
        assertEquals("unexpected argument 'x'",
                assertThrows(UsageException.class, () -> none.parse(new String[] {"x"}, 0)).getMessage());
    }

    /** --out --quiet used to make a folder named --quiet. */
    @Test
    void anOptionIsNeverTheValueOfTheOptionBeforeIt() {
        assertEquals("option --seed needs a value (SEED)", problem("--model", "m", "f", "--seed", "--quiet"));
        assertEquals("option --seed needs a value (SEED)", problem("--model", "m", "f", "--seed", "--unknown"));
        assertEquals("option --seed needs a value (SEED)", problem("--model", "m", "f", "--seed", "-q"));
        assertEquals("option --model needs a value (MODEL)", problem("--model", "--seed", "1", "f"));
        assertEquals(-5L, parse("--model", "m", "f", "--seed", "-5").longValue("--seed"), "a negative number");
        assertEquals("--x", parse("--model=--x", "f").value("--model"), "after '=' anything is the value");
        assertEquals("option --model needs a value (MODEL), got an empty one", problem("--model", "", "f"));
        assertEquals("option --seed needs a value (SEED), got an empty one", problem("--model", "m", "f", "--seed="));
    }

    @Test
    void helpAndVersionWinOverOtherProblems() {
        assertTrue(parse("--help").has("--help"));
        assertTrue(parse("--nonsense", "-h").has("--help"));
        assertTrue(parse("a", "b", "c", "--version").has("--version"));
    }

    @Test
    void parsingStartsWhereTheCommandNameEnds() {
        ParsedArgs a = spec().parse(new String[] {"try", "--model", "m", "f"}, 1);
        assertEquals(List.of("f"), a.arguments());
    }

    @Test
    void helpListsEverythingWithinEightyColumns() {
        String help = spec().help();
        assertTrue(help.startsWith("Usage: meads try [OPTIONS] --model=MODEL FILE...\n"), help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= CommandSpec.WIDTH, "too wide: " + line);
        }
        for (String s : List.of("--seed=SEED", "-q, --quiet", "-h, --help", "-V, --version", "the model (required)",
                "override a key (repeatable)", "FILE", "input files")) {
            assertTrue(help.contains(s), s + " in\n" + help);
        }
        assertThrows(IllegalArgumentException.class, () -> spec().option("--seed", "N", "again"));
    }

    @Test
    void theCommandLineNamesUnknownCommandsAndHelpsWithEach() {
        CliHarness.Outcome unknown = CliHarness.run("radon");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no command 'radon'") && unknown.err().contains("./meads run radon"),
                unknown.err());
        CliHarness.Outcome help = CliHarness.run("help", "sample");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().startsWith("Usage: meads sample [OPTIONS] --model=MODEL --data=FILE"), help.out());
        CliHarness.Outcome badHelp = CliHarness.run("help", "nope");
        assertEquals(2, badHelp.code());
        assertTrue(badHelp.err().contains("no command 'nope'"), badHelp.err());
        CliHarness.Outcome main = CliHarness.run("help");
        assertEquals(0, main.code());
        for (String c : List.of("run", "sample", "diagnose", "bench", "keys")) {
            assertTrue(main.out().contains("\n  " + c + " "), c + " listed:\n" + main.out());
        }
        CliHarness.Outcome late = CliHarness.run("-q", "run", "smoke");
        assertEquals(2, late.code());
        assertTrue(late.err().contains("the command comes first, then its options: ./meads run"), late.err());
        CliHarness.Outcome typo = CliHarness.run("run", "smoke", "--thread", "1");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("unknown option --thread (did you mean --threads?)")
                && typo.err().contains("Usage: meads run"), typo.err());
    }
}
