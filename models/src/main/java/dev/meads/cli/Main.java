package dev.meads.cli;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.io.StanCsvFormatException;
import dev.meads.models.data.DataFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code meads} command. Without a subcommand it runs the embedded default, the notebook's
 * IRT pipeline. Exit codes: 0 success, 1 internal error, 2 bad input (options, profile keys,
 * data files, output folder), 130 interrupted by Ctrl-C.
 */
@Command(name = "meads", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Ensemble MCMC on the JVM: MEADS-tuned generalised HMC, initialised by NUTS.",
                "Without a command, runs the notebook's IRT pipeline (profile irt) and prints what the notebook "
                        + "printed."},
        subcommands = {RunCommand.class, SampleCommand.class, DiagnoseCommand.class, BenchCommand.class,
                KeysCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  ./meads                                  the IRT pipeline (profile irt)",
                "  ./meads run radon --seed 7               a built-in profile (irt, radon, radon-mn, smoke)",
                "  ./meads run profiles/irt.properties --set chains=128",
                "  ./meads sample --model radon --data my.csv --prior sigma_y=half-normal(1)",
                "  ./meads diagnose runs/irt-*/chain_*.csv", "  ./meads keys                             every "
                + "profile key with its default"})
public final class Main implements Callable<Integer> {
    static final int USER_ERROR = 2;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Settings s = Profiles.builtIn(Profiles.DEFAULT);
        common.applyTo(s);
        return new Runner(System.out, System.err).run(s, common.quiet);
    }

    /** Runs the command line; returns the exit code. */
    static int execute(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (debug) {
                e.printStackTrace(err);
            }
            String message = userMessage(e);
            if (message != null) {
                err.println("meads: " + message);
                err.flush();
                return USER_ERROR;
            }
            err.println("meads: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    /** The message for an error caused by the user's input, or null for an internal error. */
    static String userMessage(Throwable e) {
        if (e instanceof SettingsException || e instanceof DataFileException || e instanceof StanCsvFormatException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return userMessage(u.getCause()) != null ? userMessage(u.getCause()) : u.getMessage();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getMessage() != null ? f.getMessage() : "output folder exists: " + f.getFile();
        }
        if (e instanceof IOException io) {
            return io.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return null;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** {@code --version}: the program, Java and vector shape. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String species;
            try {
                species = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.toString();
            } catch (LinkageError e) {
                species = "Vector API not available (scalar kernels)";
            }
            return new String[] {"meads " + MeadsSampler.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                    "vector shape: " + species};
        }
    }
}
