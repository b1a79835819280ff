package dev.meads.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a profile by path, or by name among those shipped inside the program. */
final class Profiles {
    /** Profiles shipped with the program (copies of the repository's profiles/ folder). */
    static final List<String> BUILT_IN = List.of("irt", "radon", "radon-mn", "smoke");
    /** The profile run by {@code ./meads} with no arguments. */
    static final String DEFAULT = "irt";

    private Profiles() {
    }

    /** Loads {@code nameOrPath}: an existing file, else a built-in profile name (with or without .properties). */
    static Settings load(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return Settings.load(p);
        }
        String name = nameOrPath.endsWith(".properties")
                ? nameOrPath.substring(0, nameOrPath.length() - ".properties".length()) : nameOrPath;
        name = name.substring(name.lastIndexOf('/') + 1);
        if (BUILT_IN.contains(name) && !nameOrPath.contains("/")) {
            return builtIn(name);
        }
        if (Files.exists(p)) {
            throw new SettingsException("profile " + nameOrPath + " is not a readable file");
        }
        throw new SettingsException("no profile file '" + nameOrPath + "' and no built-in profile of that name; "
                + "built-in profiles: " + String.join(", ", BUILT_IN));
    }

    static Settings builtIn(String name) {
        String resource = "/dev/meads/profiles/" + name + ".properties";
        try (InputStream in = Profiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SettingsException("built-in profile " + name + " is missing from this build");
            }
            String source = name + ".properties";
            return Settings.parse(Settings.lines(in.readAllBytes(), source), source).name(name).markBuiltIn();
        } catch (IOException e) {
            throw new SettingsException("cannot read built-in profile " + name + ": " + e.getMessage());
        }
    }
}
