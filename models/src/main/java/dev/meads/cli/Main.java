package dev.meads.cli;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.io.StanCsvFormatException;
import dev.meads.models.data.DataFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code meads} command. Without a subcommand it runs the embedded default, the notebook's
 * IRT pipeline. Exit codes: 0 success, 1 internal error, 2 bad input (options, profile keys,
 * data files, output folder), 130 interrupted by Ctrl-C.
 */
public final class Main implements CliCommand {
    static final int USER_ERROR = 2;

    /** The subcommands, in the order the help lists them. */
    private static final List<CliCommand> COMMANDS = List.of(new RunCommand(), new SampleCommand(),
            new DiagnoseCommand(), new BenchCommand(), new KeysCommand());

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommonOptions.addTo(new CommandSpec("meads",
                "Ensemble MCMC on the JVM: MEADS-tuned generalised HMC, initialised by NUTS.",
                "Without a command, runs the notebook's IRT pipeline (profile irt) and prints what the notebook "
                        + "printed."));
        for (CliCommand c : COMMANDS) {
            CommandSpec sub = c.spec();
            spec.command(sub.name().substring("meads ".length()), sub.summary());
        }
        spec.command("help", "the help of a command: ./meads help run");
        return spec.footer("Examples:",
                "  ./meads                                  the IRT pipeline (profile irt)",
                "  ./meads run radon --seed 7               a built-in profile (irt, radon, radon-mn, smoke)",
                "  ./meads run profiles/irt.properties --set chains=128",
                "  ./meads sample --model radon --data my.csv --prior sigma_y=half-normal(1)",
                "  ./meads diagnose runs/irt-*/chain_*.csv",
                "  ./meads keys                             every profile key with its default");
    }

    @Override
    public int run(ParsedArgs a) {
        Settings s = Profiles.builtIn(Profiles.DEFAULT);
        CommonOptions.applyTo(a, s);
        return new Runner(System.out, System.err).run(s, CommonOptions.quiet(a));
    }

    /** Runs the command line; returns the exit code. */
    static int execute(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            return dispatch(args);
        } catch (UsageException e) {
            System.err.println("meads: " + e.getMessage());
            System.err.println(e.command().usage());
            System.err.println("See './" + e.command().name() + " --help'.");
            System.err.flush();
            return USER_ERROR;
        } catch (Exception e) {
            if (debug) {
                e.printStackTrace(System.err);
            }
            String message = userMessage(e);
            if (message != null) {
                System.err.println("meads: " + message);
                System.err.flush();
                return USER_ERROR;
            }
            System.err.println("meads: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
            System.err.flush();
            return 1;
        }
    }

    /** Finds the command named by the first argument (none: the default run) and runs it. */
    private static int dispatch(String[] args) throws Exception {
        CliCommand command = new Main();
        int from = 0;
        if (args.length > 0 && args[0].equals("help")) {
            CliCommand target = args.length > 1 ? named(args[1]) : command;
            if (target == null || args.length > 2) {
                throw new UsageException(command.spec(), args.length > 2 ? "help takes one command"
                        : "no command '" + args[1] + "'; the commands are " + names());
            }
            System.out.print(target.spec().help());
            return 0;
        }
        if (args.length > 0 && named(args[0]) != null) {
            command = named(args[0]);
            from = 1;
        } else if (args.length > 0 && !args[0].startsWith("-")) {
            throw new UsageException(command.spec(), "no command '" + args[0] + "'; the commands are " + names()
                    + " (a profile runs with ./meads run " + args[0] + ")");
        }
        CommandSpec spec = command.spec();
        ParsedArgs parsed;
        try {
            parsed = spec.parse(args, from);
        } catch (UsageException e) {
            for (int i = from; i < args.length && from == 0; i++) {
                if (named(args[i]) != null) {
                    throw new UsageException(spec, e.getMessage() + "; the command comes first, then its options: "
                            + "./meads " + args[i] + " ...");
                }
            }
            throw e;
        }
        if (parsed.has("--help")) {
            System.out.print(spec.help());
            return 0;
        }
        if (parsed.has("--version")) {
            for (String line : version()) {
                System.out.println(line);
            }
            return 0;
        }
        return command.run(parsed);
    }

    private static CliCommand named(String name) {
        for (CliCommand c : COMMANDS) {
            if (c.spec().name().equals("meads " + name)) {
                return c;
            }
        }
        return null;
    }

    private static String names() {
        StringBuilder s = new StringBuilder();
        for (CliCommand c : COMMANDS) {
            s.append(s.length() == 0 ? "" : ", ").append(c.spec().name().substring("meads ".length()));
        }
        return s.append(", help").toString();
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
    static List<String> version() {
        String species;
        try {
            species = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.toString();
        } catch (LinkageError e) {
            species = "Vector API not available (scalar kernels)";
        }
        return List.of("meads " + MeadsSampler.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                "vector shape: " + species);
    }
}
