package dev.meads.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles as files: encoding, repeated keys, and where a value came from. */
class SettingsTest {
    @TempDir
    Path tmp;

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheFirstKey() throws Exception {
        Path p = tmp.resolve("b.properties");
        Files.write(p, "\uFEFFchains = 8\r\ndraws = 20\n".getBytes(StandardCharsets.UTF_8));
        Settings s = Settings.load(p);
        assertEquals("8", s.raw(Setting.CHAINS));
        assertEquals("20", s.raw(Setting.DRAWS));
        assertEquals("b", s.name());
    }

    @Test
    void aProfileThatIsNotUtf8IsNamedWithLineAndByte() throws Exception {
        Path p = tmp.resolve("latin1.properties");
        Files.write(p, "chains = 8\nmodel = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(p));
        assertEquals("latin1.properties:2: byte 12 of the line (0xE9) is not UTF-8 text; save the profile as UTF-8",
                e.getMessage());
        Path utf16 = tmp.resolve("w.properties");
        Files.write(utf16, "chains = 8\n".getBytes(StandardCharsets.UTF_16));
        assertTrue(assertThrows(SettingsException.class, () -> Settings.load(utf16)).getMessage()
                .startsWith("w.properties:1: byte 1 of the line (0xFE) is not UTF-8 text"));
    }

    @Test
    void aKeyTwiceInOneProfileNamesBothLines() {
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.parse(
                List.of("chains = 8", "# more", "draws = 5", "chains = 16"), "p.properties"));
        assertEquals("p.properties:4: chains is set twice (also on line 1); keep one", e.getMessage());
    }

    @Test
    void theCommandLineOverridesAProfileButGivesAKeyOnce() {
        Settings s = Settings.parse(List.of("chains = 8"), "p.properties");
        s.setAssignment("chains=16", "--set chains=16");
        assertEquals("16", s.raw(Setting.CHAINS));
        SettingsException twice = assertThrows(SettingsException.class,
                () -> s.setAssignment("chains=32", "--set chains=32"));
        assertEquals("--set chains=32: chains is already given by --set chains=16; give it once", twice.getMessage());
        s.set(Setting.SEED, "3", "--seed");
        assertEquals("--set seed=4: seed is already given by --seed; give it once",
                assertThrows(SettingsException.class, () -> s.setAssignment("seed=4", "--set seed=4")).getMessage());
    }

    @Test
    void builtInValuesAreDefaultsUnlessTheUserNamedTheProfile() {
        Settings named = Profiles.builtIn("radon");
        assertFalse(named.userSet(Setting.SUMMARY), "a built-in profile's line is not the user's choice");
        assertTrue(named.invalid(Setting.CHAINS, "x").getMessage().startsWith("radon.properties:"));
        Settings implicit = Profiles.builtIn("radon").asDefaults();
        assertEquals("chains = 64 (the default): x", implicit.invalid(Setting.CHAINS, "x").getMessage());
        implicit.set(Setting.MEADS_FOLDS, "3", "--folds");
        assertEquals("--folds 3", implicit.reference(Setting.MEADS_FOLDS));
        implicit.setAssignment("summary=alpha", "--set summary=alpha");
        assertTrue(implicit.userSet(Setting.SUMMARY));
    }
}
