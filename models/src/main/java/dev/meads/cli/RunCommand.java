package dev.meads.cli;

/** {@code meads run PROFILE}: a profile file or a built-in profile, with overrides. */
final class RunCommand implements CliCommand {
    static final String NAME = "run";

    @Override
    public CommandSpec spec() {
        return CommonOptions.addTo(new CommandSpec("meads run",
                        "Runs a profile: a .properties file, or a built-in profile name (irt, radon, radon-mn, smoke).",
                        "Any key can be overridden with --set key=value; ./meads keys lists every key."))
                .arguments("PROFILE", "profile file or built-in name", 1, 1);
    }

    @Override
    public int run(ParsedArgs a) {
        Settings s = Profiles.load(a.arguments().get(0));
        CommonOptions.applyTo(a, s);
        return new Runner(System.out, System.err).run(s, CommonOptions.quiet(a));
    }
}
