package dev.meads.cli;

/** One command of the command line: what it accepts, and running it on what was given. */
interface CliCommand {
    CommandSpec spec();

    /** Runs the command; returns the exit code. */
    int run(ParsedArgs args) throws Exception;
}
