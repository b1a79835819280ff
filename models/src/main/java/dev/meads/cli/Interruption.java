package dev.meads.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;

/**
 * Turns the first Ctrl-C (SIGINT) into a request to stop cleanly: the sampler polls
 * {@link #requested()}, keeps what it drew and the command writes its outputs marked
 * incomplete. A second Ctrl-C ends the process at once (exit code 130).
 */
final class Interruption implements BooleanSupplier {
    /** Exit code of a run stopped by SIGINT (128 + 2, as shells report it). */
    static final int EXIT_CODE = 130;

    private final AtomicBoolean requested = new AtomicBoolean();

    /** Installs the handler; returns false where SIGINT cannot be handled (then Ctrl-C kills). */
    boolean install() {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (!requested.compareAndSet(false, true)) {
                    Runtime.getRuntime().halt(EXIT_CODE);
                }
                System.err.println();
                System.err.println("meads: interrupted; stopping after the current iteration and keeping the draws so "
                        + "far (Ctrl-C again to quit at once)");
            });
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    boolean requested() {
        return requested.get();
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }
}
