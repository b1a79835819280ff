package dev.meads.cli;

/** {@code meads keys}: every profile key, its default and its meaning. */
final class KeysCommand implements CliCommand {
    static final String NAME = "keys";

    @Override
    public CommandSpec spec() {
        return new CommandSpec("meads keys", "Lists every profile key with its default.");
    }

    @Override
    public int run(ParsedArgs a) {
        System.out.println("Profile keys (set in a .properties file, or with --set key=value):");
        for (String line : Setting.table()) {
            System.out.println(line);
        }
        return 0;
    }
}
