package dev.meads.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code meads run PROFILE}: a profile file or a built-in profile, with overrides. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a profile: a .properties file, or a built-in profile name (irt, radon, radon-mn, smoke).",
                "Any key can be overridden with --set key=value; ./meads keys lists every key."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROFILE", description = "profile file or built-in name")
    String profile;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Settings s = Profiles.load(profile);
        common.applyTo(s);
        return new Runner(System.out, System.err).run(s, common.quiet);
    }
}
