package dev.meads.cli;

import dev.meads.engine.api.MeadsSampler;
import dev.meads.engine.io.StanCsvFormatException;
import dev.meads.models.data.DataFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
                "  ./meads sample --model radon --data my.csv --prior 'sigma_y=half-normal(1)'",
                "  ./meads diagnose runs/irt-*/chain_*.csv",
                "  ./meads keys                             every profile key with its default");
    }

    @Override
    public int run(ParsedArgs a) {
        Settings s = Profiles.builtIn(Profiles.DEFAULT).asDefaults(); // the user named no profile
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
        } catch (OutOfMemoryError e) {
            return outOfMemory(e, debug);
        } catch (Exception e) {
            if (debug) {
                e.printStackTrace(System.err);
            }
            OutOfMemoryError oom = outOfMemoryCause(e);
            if (oom != null) { // thrown in a worker thread and handed on
                return outOfMemory(oom, false);
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

    /**
     * One line instead of the JVM's stack trace: what ran out and what to do. Exit 1: the input
     * may be fine, the heap too small for it.
     */
    private static int outOfMemory(OutOfMemoryError e, boolean debug) {
        if (debug) {
            e.printStackTrace(System.err);
        }
        System.err.println("meads: " + outOfMemoryMessage(e, Runtime.getRuntime().maxMemory()));
        System.err.flush();
        return 1;
    }

    /** The message for running out of memory with a heap of at most {@code maxHeap} bytes. */
    static String outOfMemoryMessage(OutOfMemoryError e, long maxHeap) {
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "Java heap space" : e.getMessage();
        String heap = maxHeap == Long.MAX_VALUE ? ""
                : maxHeap < 1e9 ? " (the heap may grow to " + Math.round(maxHeap / 1e6) + " MB)"
                : String.format(java.util.Locale.ROOT, " (the heap may grow to %.1f GB)", maxHeap / 1e9);
        return "out of memory: " + what + heap + "; use fewer chains, draws or parameters, or give Java more "
                + "memory, e.g. MEADS_JVM_OPTS=-Xmx8g ./meads ...";
    }

    private static OutOfMemoryError outOfMemoryCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /** Finds the command named by the first argument (none: the default run) and runs it. */
    private static int dispatch(String[] args) throws Exception {
        CliCommand command = new Main();
        int from = 0;
        if (args.length > 0 && args[0].equals("help")) {
            // "help help" is the main help, which lists help among the commands
            CliCommand target = args.length > 1 && !args[1].equals("help") ? named(args[1]) : command;
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
            // the engine's message says what it was doing ("cannot create the output folder X:
            // ..."); the cause's own message is often only the path
            return u.getMessage() == null || u.getMessage().equals(u.getCause().getMessage())
                    ? ioMessage(null, u.getCause()) : ioMessage(u.getMessage(), u.getCause());
        }
        if (e instanceof IOException io) {
            return ioMessage(null, io);
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return null;
    }

    /**
     * A file error as one clear line: {@code context} (what was being done, may be null), the
     * path, and the reason. The JDK's file exceptions carry only the path as their message
     * (NoSuchFileException, AccessDeniedException, NotDirectoryException), so the reason is
     * named from their type; a path the context already names is not repeated.
     */
    static String ioMessage(String context, IOException e) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) {
            String own = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return context == null ? own : context.contains(own) ? context : context + ": " + own;
        }
        String file = fs.getFile();
        String reason = reason(fs);
        if (context == null) {
            return file + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": " + reason;
        }
        // keep the context's parts, less those that only repeat the path or the reason: both
        // come once, the reason last
        String[] parts = context.split(": ");
        StringBuilder out = new StringBuilder();
        boolean named = false;
        for (String part : parts) {
            String p = part.strip();
            boolean repeat = named && samePath(p, file);
            boolean isReason = out.length() > 0 && (p.equalsIgnoreCase(reason) || p.equalsIgnoreCase(fs.getReason()));
            if (repeat || isReason) {
                continue;
            }
            out.append(out.length() == 0 ? "" : ": ").append(part);
            named |= namesPath(p, file);
        }
        if (!named) {
            out.append(": ").append(file);
        }
        if (!out.toString().toLowerCase(java.util.Locale.ROOT).contains(reason.toLowerCase(java.util.Locale.ROOT))) {
            out.append(": ").append(reason);
        }
        return out.toString();
    }

    /** The reason of a file error, in words; the OS's reason when it gave one. */
    static String reason(FileSystemException e) {
        if (e.getReason() != null && !e.getReason().isBlank()) {
            String r = e.getReason().strip();
            // the OS's "Not a directory" reads as the middle of our sentence
            return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                    ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
        }
        String byType = dev.meads.engine.io.FileErrors.reasonByType(e);
        return byType != null ? byType : e.getClass().getSimpleName();
    }

    /** Whether {@code text} ends with a path that is {@code file} (maybe written relative). */
    private static boolean namesPath(String text, String file) {
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            if (samePath(text.substring(i + 1), file)) {
                return true;
            }
        }
        return samePath(text, file);
    }

    private static boolean samePath(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return false;
        }
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
