package dev.meads.cli;

/** A bad profile key or value; the message says where (file and line, or --set) and what. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
