package dev.meads.cli;

/** A command line that does not fit its command: unknown option, missing value or argument. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CommandSpec command;

    UsageException(CommandSpec command, String message) {
        super(message);
        this.command = command;
    }

    /** The command whose usage to show. */
    CommandSpec command() {
        return command;
    }
}
